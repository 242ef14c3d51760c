// Append throughput of the SQLite adapter, beside raw better-sqlite3 doing the same inserts in
// the same run: (1) raw append, one event per append through the adapter, and (2) a command,
// loaded, decided and appended by core's accountCommandHandler, with its cache of folded stream
// state and without it (the figure before the cache). The baseline inserts the same
// rows into the same table, one transaction (BEGIN IMMEDIATE … COMMIT) per append, with versions
// and chain hashes kept in memory: it is the least any writer of these rows has to pay.
import { accountCommandHandler, accountStream, chainHash, currentSchema, defaultPolicy, genesisHash, prepareEvents, type AccountId, type PrincipalId } from '@account-ownership/core'
import { performance } from 'node:perf_hooks'
import { adapterOn, benchFile, classified, rawInsertSql, rawOn, whole } from './bench-file.js'

const accounts = 100
const count = 2000

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

// Commands: load + decide + append one event through the command handler on the adapter, with
// the handler's cache of folded stream state (the default) and without it (every command reads
// its stream from the file, as before the cache) …
const context = (i: number) => ({ commandId: `cmd-${i}`, actor: 'dora', tenantId: 'acme-de' })
const commandsOn = async (stateCache: false | undefined) => {
  const store = adapterOn(benchFile())
  const handler = accountCommandHandler({ store, policy: { ...defaultPolicy, admins: ['dora' as PrincipalId] }, ...(stateCache === false ? { stateCache } : {}) })
  for (let a = 0; a < accounts; a++) {
    const opened = await handler.handle({ type: 'OpenAccount', data: { accountId: `kunde-${a}`, tenantId: 'acme-de', displayName: `Kunde ${a} GmbH`, tier: 'standard' } }, context(-1 - a))
    if (opened._tag === 'Left') throw opened.left
  }
  const command = async (i: number) => {
    const result = await handler.handle({ type: 'ClassifyAccount', data: { accountId: `kunde-${i % accounts}`, tier: 'standard', score: i, criteria: ['umsatz'] } }, context(i))
    if (result._tag === 'Left') throw result.left
  }
  return { store, command }
}
const cached = await commandsOn(undefined)
const uncached = await commandsOn(false)

// Taking turns append by append, each kind first in its turn: whatever else the machine does
// meanwhile (other processes, the disk's own moods) falls on all of them alike, so the ratios
// hold even where the totals wander.
const seconds = { raw: 0, rawChecked: 0, adapter: 0, command: 0, uncached: 0 }
// CPU time too: on a machine shared with other work the syncs' wall time wanders, the process's
// own CPU time per append much less.
const cpuMicros = { ...seconds }
const cpuNow = () => {
  const { user, system } = process.cpuUsage()
  return user + system
}
const kinds: ReadonlyArray<readonly [keyof typeof seconds, (i: number, row: ReturnType<typeof rowOf>) => Promise<void> | void]> = [
  ['raw', (i, row) => rawAppend.immediate(i, row)],
  ['rawChecked', (i, row) => rawCheckedAppend.immediate(i, row)],
  ['adapter', adapterAppend],
  ['command', cached.command],
  ['uncached', uncached.command],
]
for (let i = 0; i < count; i++) {
  const row = rowOf(i) // outside the timing, for the raw baselines
  for (let k = 0; k < kinds.length; k++) {
    const [kind, op] = kinds[(i + k) % kinds.length]!
    const start = performance.now()
    const cpuStart = cpuNow()
    await op(i, row)
    cpuMicros[kind] += cpuNow() - cpuStart
    seconds[kind] += (performance.now() - start) / 1000
  }
}
await adapter.close()
await cached.store.close()
await uncached.store.close()
raw.close()
rawChecked.close()

const rawOps = count / seconds.raw
const checkedOps = count / seconds.rawChecked
const percent = (ops: number, of: number) => `${((ops / of) * 100).toFixed(0)} %`
const line = (what: string, kind: keyof typeof seconds) => {
  const ops = count / seconds[kind]
  return `| ${what} | ${whole(ops)} | ${percent(ops, rawOps)} | ${percent(ops, checkedOps)} | ${(cpuMicros[kind] / count).toFixed(0)} |`
}
console.log(
  [
    '## store-sqlite: append throughput',
    '',
    `One event per append, ${accounts} streams, WAL + synchronous = FULL (a sync per commit); ${whole(count)} appends of each kind, one at a time, the kinds taking turns append by append (a lone writer: group commit gathers nothing, and after 16 lone appends in a row it no longer waits a turn of the event loop for company). The baseline is raw better-sqlite3 inserting the same rows (chain hash included) into the same table, one BEGIN IMMEDIATE transaction per append, versions and hashes kept in memory; the fair baseline of a correct append reads the stream's tip in the transaction.`,
    '',
    '| what | ops/s | of raw baseline | of raw, reading the tip | CPU µs per op |',
    '|---|---:|---:|---:|---:|',
    line('raw better-sqlite3 insert (baseline)', 'raw'),
    line('raw better-sqlite3 insert, reading the stream tip in the transaction', 'rawChecked'),
    line('adapter `append` (input check, version check, chain hash, insert, decoded answer)', 'adapter'),
    line('command: load + decide + append via `accountCommandHandler` (state cache on, the default)', 'command'),
    line('command, `stateCache: false` (reads and folds its stream every time)', 'uncached'),
    '',
  ].join('\n'),
)
