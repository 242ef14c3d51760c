// Append throughput of the SQLite adapter, beside raw better-sqlite3 doing the same inserts in
// the same run: (1) raw append, one event per append through the adapter, and (2) a command,
// loaded, decided and appended by core's accountCommandHandler. The baseline inserts the same
// rows into the same table, one transaction (BEGIN IMMEDIATE … COMMIT) per append, with versions
// kept in memory: it is the least any writer of this file has to pay. Rounds alternate between
// adapter and baseline; the medians are reported.
import { accountCommandHandler, accountStream, currentSchema, defaultPolicy, prepareEvents, type AccountId, type PrincipalId } from '@account-ownership/core'
import { performance } from 'node:perf_hooks'
import { adapterOn, benchFile, classified, median, rawInsertSql, rawOn, whole } from './bench-file.js'

const accounts = 100
const perRound = 1000
const rounds = 3

const opsPerSecond = async (count: number, op: (i: number) => Promise<void> | void, offset: number): Promise<number> => {
  const start = performance.now()
  for (let i = 0; i < count; i++) await op(offset + i)
  return count / ((performance.now() - start) / 1000)
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
const rawVersions = new Map<string, bigint>()
const rawAppend = raw.transaction((i: number, row: ReturnType<typeof rowOf>) => {
  const streamId = `account-kunde-${i % accounts}`
  const version = (rawVersions.get(streamId) ?? -1n) + 1n
  insert.run(streamId, version, row.eventId, row.type, row.schemaVersion, row.data, row.metadata, new Date().toISOString())
  rawVersions.set(streamId, version)
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

const results = { adapter: [] as number[], raw: [] as number[], command: [] as number[] }
for (let r = 0; r < rounds; r++) {
  const rows = Array.from({ length: perRound }, (_, i) => rowOf(r * perRound + i))
  results.raw.push(await opsPerSecond(perRound, (i) => rawAppend.immediate(i, rows[i - r * perRound]!), r * perRound))
  results.adapter.push(await opsPerSecond(perRound, adapterAppend, r * perRound))
  results.command.push(await opsPerSecond(perRound, command, r * perRound))
}
await adapter.close()
await commandStore.close()
raw.close()

const rawOps = median(results.raw)
const line = (what: string, ops: number) => `| ${what} | ${whole(ops)} | ${((ops / rawOps) * 100).toFixed(0)} % |`
console.log(
  [
    '## store-sqlite: append throughput',
    '',
    `One event per append, ${accounts} streams, WAL + synchronous = FULL (a sync per commit), ${rounds} rounds of ${perRound}, medians. The baseline is raw better-sqlite3 inserting the same rows into the same table, one BEGIN IMMEDIATE transaction per append.`,
    '',
    '| what | ops/s | of raw baseline |',
    '|---|---:|---:|',
    line('raw better-sqlite3 insert (baseline)', rawOps),
    line('adapter `append` (checks, idempotency lookup, version check, insert, decode)', median(results.adapter)),
    line('command: load + decide + append via `accountCommandHandler`', median(results.command)),
    '',
  ].join('\n'),
)
