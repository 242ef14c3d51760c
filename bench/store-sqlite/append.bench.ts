// Append throughput of the SQLite adapter, beside raw better-sqlite3 doing the same inserts in
// the same run: (1) raw append, one event per append through the adapter, and (2) a command,
// loaded, decided and appended by core's accountCommandHandler. The baseline inserts the same
// rows into the same table, one transaction (BEGIN IMMEDIATE … COMMIT) per append, with versions
// and chain hashes kept in memory: it is the least any writer of these rows has to pay.
import { accountCommandHandler, accountStream, chainHash, currentSchema, defaultPolicy, genesisHash, prepareEvents, type AccountId, type PrincipalId } from '@account-ownership/core'
import { performance } from 'node:perf_hooks'
import { adapterOn, benchFile, classified, rawInsertSql, rawOn, whole } from './bench-file.js'

const accounts = 100
const perBlock = 50
const blocks = 40

// Seconds spent on `count` operations starting at `offset`.
const timed = async (count: number, op: (i: number) => Promise<void> | void, offset: number): Promise<number> => {
  const start = performance.now()
  for (let i = offset; i < offset + count; i++) await op(i)
  return (performance.now() - start) / 1000
}

// Raw append: the adapter …
const adapter = adapterOn(benchFile())
const adapterVersions = new Map<string, bigint | 'no-stream'>()
const adapterAppend = async (i: number) => {
  const streamId = accountStream(`kunde-${i % accounts}` as AccountId)
  const result = await adapter.append(streamId, [classified(i, accounts)], { expectedVersion: adapterVersions.get(streamId) ?? 'no-stream' })
  if (result._tag === 'Left') throw result.left
  adapterVersions.set(streamId, result.right.nextExpectedVersion)
}
// … and raw better-sqlite3, inserting the same rows (prepared outside the timing).
const raw = await rawOn(benchFile())
const insert = raw.prepare(rawInsertSql)
const rawTips = new Map<string, { version: bigint; hash: string }>()
const rawAppend = raw.transaction((i: number, row: ReturnType<typeof rowOf>) => {
  const streamId = `account-kunde-${i % accounts}`
  const tip = rawTips.get(streamId)
  const chained = { ...row, streamId, streamVersion: tip === undefined ? 0n : tip.version + 1n, recordedAt: new Date().toISOString() }
  const hash = chainHash(tip?.hash ?? genesisHash, chained)
  insert.run(streamId, chained.streamVersion, row.eventId, row.type, row.schemaVersion, row.data, row.metadata, chained.recordedAt, hash)
  rawTips.set(streamId, { version: chained.streamVersion, hash })
})
// … and raw better-sqlite3 again, reading the stream's tip inside the transaction as a correct
// append must (another process may have appended), instead of keeping it in memory.
const rawChecked = await rawOn(benchFile())
const insertChecked = rawChecked.prepare(rawInsertSql)
const tipOf = rawChecked.prepare<[string], { version: bigint; hash: string }>(
  'SELECT stream_version AS version, hash FROM ao_events WHERE stream_id = ? ORDER BY stream_version DESC LIMIT 1',
).safeIntegers(true)
const rawCheckedAppend = rawChecked.transaction((i: number, row: ReturnType<typeof rowOf>) => {
  const streamId = `account-kunde-${i % accounts}`
  const tip = tipOf.get(streamId)
  const chained = { ...row, streamId, streamVersion: tip === undefined ? 0n : tip.version + 1n, recordedAt: new Date().toISOString() }
  insertChecked.run(streamId, chained.streamVersion, row.eventId, row.type, row.schemaVersion, row.data, row.metadata, chained.recordedAt, chainHash(tip?.hash ?? genesisHash, chained))
})
const rowOf = (i: number) => {
  const prepared = prepareEvents([classified(i, accounts)], currentSchema)
  if (prepared._tag === 'Left') throw prepared.left
  return prepared.right[0]!
}

// Commands: load + decide + append one event through the command handler on the adapter …
const commandStore = adapterOn(benchFile())
const handler = accountCommandHandler({ store: commandStore, policy: { ...defaultPolicy, admins: ['dora' as PrincipalId] } })
const context = (i: number) => ({ commandId: `cmd-${i}`, actor: 'dora', tenantId: 'acme-de' })
for (let a = 0; a < accounts; a++) {
  const opened = await handler.handle({ type: 'OpenAccount', data: { accountId: `kunde-${a}`, tenantId: 'acme-de', displayName: `Kunde ${a} GmbH`, tier: 'standard' } }, context(-1 - a))
  if (opened._tag === 'Left') throw opened.left
}
const command = async (i: number) => {
  const result = await handler.handle({ type: 'ClassifyAccount', data: { accountId: `kunde-${i % accounts}`, tier: 'standard', score: i, criteria: ['umsatz'] } }, context(i))
  if (result._tag === 'Left') throw result.left
}

// Small blocks, taking turns: whatever else the machine does meanwhile (other processes, the
// disk's own moods) falls on all of them alike, so the ratios hold even where the totals wander.
const seconds = { adapter: 0, raw: 0, rawChecked: 0, command: 0 }
for (let b = 0; b < blocks; b++) {
  const offset = b * perBlock
  const rows = Array.from({ length: perBlock }, (_, i) => rowOf(offset + i))
  seconds.raw += await timed(perBlock, (i) => rawAppend.immediate(i, rows[i - offset]!), offset)
  seconds.rawChecked += await timed(perBlock, (i) => rawCheckedAppend.immediate(i, rows[i - offset]!), offset)
  seconds.adapter += await timed(perBlock, adapterAppend, offset)
  seconds.command += await timed(perBlock, command, offset)
}
await adapter.close()
await commandStore.close()
raw.close()
rawChecked.close()

const count = blocks * perBlock
const rawOps = count / seconds.raw
const line = (what: string, ops: number) => `| ${what} | ${whole(ops)} | ${((ops / rawOps) * 100).toFixed(0)} % |`
console.log(
  [
    '## store-sqlite: append throughput',
    '',
    `One event per append, ${accounts} streams, WAL + synchronous = FULL (a sync per commit); ${whole(count)} appends of each kind in ${blocks} alternating blocks of ${perBlock}. The baseline is raw better-sqlite3 inserting the same rows (chain hash included) into the same table, one BEGIN IMMEDIATE transaction per append, versions and hashes kept in memory.`,
    '',
    '| what | ops/s | of raw baseline |',
    '|---|---:|---:|',
    line('raw better-sqlite3 insert (baseline)', rawOps),
    line('raw better-sqlite3 insert, reading the stream tip in the transaction', count / seconds.rawChecked),
    line('adapter `append` (input check, version check, chain hash, insert, decoded answer)', count / seconds.adapter),
    line('command: load + decide + append via `accountCommandHandler`', count / seconds.command),
    '',
  ].join('\n'),
)
