// Durable commands with many in flight (group commit) beside the disk's sync rate, measured in the
// same run: raw better-sqlite3 committing one row per transaction with WAL + synchronous = FULL is
// as many syncs per second as the disk gives. Then 64 commands in flight through core's
// accountCommandHandler on the adapter, with group commit (the default) and without it
// (`groupCommit: false`, a transaction and a sync per append); bare appends likewise; and a lone
// writer's latency with and without it. Each file is checked afterwards to hold exactly the events
// its writers were acknowledged.
import { accountCommandHandler, accountStream, defaultPolicy, type AccountCommandInput, type AccountId, type PrincipalId } from '@account-ownership/core'
import { openSqliteEventStore, type SqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import { performance } from 'node:perf_hooks'
import { benchFile, classified, rawInsertSql, rawOn, whole } from './bench-file.js'

const inFlight = 64
const accounts = 1000
const perLane = 8 // commands each of the 64 lanes sends per block
const blocks = 6
const syncsPerBlock = 100
const lonePerBlock = 40
const unsyncedPerBlock = 500

const storeOn = (groupCommit: false | undefined): SqliteEventStore => {
  const opened = openSqliteEventStore({ path: benchFile(), ...(groupCommit === false ? { groupCommit } : {}) })
  if (opened._tag === 'Left') throw opened.left
  return opened.right
}

// The disk's sync rate: one row per transaction, raw.
const raw = await rawOn(benchFile())
const insert = raw.prepare(rawInsertSql)
let rawRows = 0
const rawCommit = raw.transaction(() => {
  const i = rawRows++
  insert.run(`account-sync-${i}`, 0, `sync-${i}`, 'AccountClassified', 1, '{}', '{}', new Date().toISOString(), null)
})

const policy = { ...defaultPolicy, admins: ['dora' as PrincipalId] }
let commandIds = 0
const commandsOn = async (groupCommit: false | undefined, openTogether: number) => {
  const store = storeOn(groupCommit)
  const handler = accountCommandHandler({ store, policy })
  const handle = async (command: AccountCommandInput) => {
    const result = await handler.handle(command, { commandId: `cmd-${++commandIds}`, actor: 'dora', tenantId: 'acme-de' })
    if (result._tag === 'Left') throw result.left
  }
  for (let a = 0; a < accounts; a += openTogether) {
    await Promise.all(
      Array.from({ length: Math.min(openTogether, accounts - a) }, (_, k) =>
        handle({ type: 'OpenAccount', data: { accountId: `kunde-${a + k}`, tenantId: 'acme-de', displayName: `Kunde ${a + k} GmbH`, tier: 'standard' } }),
      ),
    )
  }
  let sent = 0
  const classify = () => {
    const i = sent++
    return handle({ type: 'ClassifyAccount', data: { accountId: `kunde-${i % accounts}`, tier: 'standard', score: i, criteria: ['umsatz'] } })
  }
  return { store, classify, expected: () => accounts + sent }
}

const appendsOn = (groupCommit: false | undefined) => {
  const store = storeOn(groupCommit)
  let sent = 0
  const append = async () => {
    const i = sent++
    const result = await store.append(accountStream(`kunde-${i % accounts}` as AccountId), [classified(i, accounts)], { expectedVersion: 'any' })
    if (result._tag === 'Left') throw result.left
  }
  return { store, append, expected: () => sent }
}

// Seconds for `lanes` concurrent loops of `each` sequential operations.
const timedLanes = async (lanes: number, each: number, op: () => Promise<void>): Promise<number> => {
  const start = performance.now()
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      for (let k = 0; k < each; k++) await op()
    }),
  )
  return (performance.now() - start) / 1000
}

// Milliseconds of one lone operation.
const latency = async (op: () => Promise<void>): Promise<number> => {
  const start = performance.now()
  await op()
  return performance.now() - start
}

// The accounts are opened 64 at a time for the writers with 64 in flight. For the lone writers
// they are opened one at a time, both alike: a file whose write-ahead log is still growing pays
// more per sync than one that has wrapped around (the file's size changes with each commit), and
// opening in groups or not leaves the two logs at different points of that.
const grouped = await commandsOn(undefined, inFlight)
const ungrouped = await commandsOn(false, inFlight)
const groupedAppends = appendsOn(undefined)
const ungroupedAppends = appendsOn(false)
const loneGrouped = await commandsOn(undefined, 1)
const loneUngrouped = await commandsOn(false, 1)

// The wait itself, without the sync it is there to share: bare appends on connections handed in
// and switched to synchronous = OFF after opening (not durable; only for this line).
const unsyncedOn = (groupCommit: false | undefined) => {
  const db = new Database(benchFile())
  const opened = openSqliteEventStore({ database: db, ...(groupCommit === false ? { groupCommit } : {}) })
  if (opened._tag === 'Left') throw opened.left
  db.pragma('synchronous = OFF')
  let sent = 0
  const append = async () => {
    const i = sent++
    const result = await opened.right.append(accountStream(`kunde-${i % accounts}` as AccountId), [classified(i, accounts)], { expectedVersion: 'any' })
    if (result._tag === 'Left') throw result.left
  }
  return { store: opened.right, append, expected: () => sent }
}
const unsyncedGrouped = unsyncedOn(undefined)
const unsyncedUngrouped = unsyncedOn(false)
const unsynced = { grouped: [] as number[], ungrouped: [] as number[] }

const seconds = { sync: 0, grouped: 0, ungrouped: 0, groupedAppends: 0, ungroupedAppends: 0 }
const lone = { grouped: [] as number[], ungrouped: [] as number[] }
// Blocks taking turns, so that whatever else the machine and its disk do falls on all alike.
for (let b = 0; b < blocks; b++) {
  seconds.sync += await timedLanes(1, syncsPerBlock, async () => void rawCommit.immediate())
  seconds.grouped += await timedLanes(inFlight, perLane, grouped.classify)
  seconds.ungrouped += await timedLanes(inFlight, perLane, ungrouped.classify)
  seconds.groupedAppends += await timedLanes(inFlight, perLane, groupedAppends.append)
  seconds.ungroupedAppends += await timedLanes(inFlight, perLane, ungroupedAppends.append)
  // One command at a time, the two writers taking turns command by command, each going first half the time.
  for (let k = 0; k < lonePerBlock; k++) {
    const turns = [() => latency(loneGrouped.classify).then((ms) => lone.grouped.push(ms)), () => latency(loneUngrouped.classify).then((ms) => lone.ungrouped.push(ms))]
    for (const turn of k % 2 === 0 ? turns : turns.reverse()) await turn()
  }
  for (let k = 0; k < unsyncedPerBlock; k++) {
    unsynced.grouped.push(await latency(unsyncedGrouped.append))
    unsynced.ungrouped.push(await latency(unsyncedUngrouped.append))
  }
}

// Every acknowledged event is in its file, and nothing else.
for (const { store, expected } of [grouped, ungrouped, groupedAppends, ungroupedAppends, loneGrouped, loneUngrouped, unsyncedGrouped, unsyncedUngrouped]) {
  const head = await store.headPosition()
  if (head._tag === 'Left') throw head.left
  if (head.right !== BigInt(expected())) throw new Error(`a file holds ${head.right} events, its writers were acknowledged ${expected()}`)
  await store.close()
}
raw.close()

const syncRate = (blocks * syncsPerBlock) / seconds.sync
const many = blocks * inFlight * perLane
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const line = (what: string, ops: number) => `| ${what} | ${whole(ops)} | ${(ops / syncRate).toFixed(1)} × |`
console.log(
  [
    '## store-sqlite: group commit',
    '',
    `Durability everywhere: WAL + synchronous = FULL, so every commit is synced to disk before it is acknowledged. The disk's sync rate is raw better-sqlite3 committing one row per transaction (BEGIN IMMEDIATE … COMMIT), measured in the same run. ${whole(many)} commands (\`ClassifyAccount\` on ${whole(accounts)} opened accounts: load, decide, append one event) and as many bare appends, ${inFlight} in flight from one process, in ${blocks} alternating blocks; group commit at its defaults (maxWaitMicros 200, maxAppends 256). Each file was checked afterwards to hold exactly the events acknowledged to its writers.`,
    '',
    '| what | ops/s | of the disk sync rate |',
    '|---|---:|---:|',
    line('raw better-sqlite3, one row per transaction (the disk sync rate)', syncRate),
    line(`commands, ${inFlight} in flight, group commit (default)`, many / seconds.grouped),
    line(`commands, ${inFlight} in flight, \`groupCommit: false\``, many / seconds.ungrouped),
    line(`bare appends, ${inFlight} in flight, group commit (default)`, many / seconds.groupedAppends),
    line(`bare appends, ${inFlight} in flight, \`groupCommit: false\``, many / seconds.ungroupedAppends),
    '',
    `A lone writer (one command at a time, ${whole(blocks * lonePerBlock)} each, the two taking turns): median latency ${median(lone.grouped).toFixed(2)} ms with group commit, ${median(lone.ungrouped).toFixed(2)} ms without (the sync dominates). The wait itself, measured without the sync (bare appends, synchronous = OFF, ${whole(blocks * unsyncedPerBlock)} each): median ${(median(unsynced.grouped) * 1000).toFixed(0)} µs with group commit, ${(median(unsynced.ungrouped) * 1000).toFixed(0)} µs without.`,
    '',
  ].join('\n'),
)
