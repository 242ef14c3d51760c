// A read by type of the EventStoreDB store, filtered on the server (a catch-up subscription with
// an event-type filter, the default) beside the same read unfiltered on the wire
// (`filterOnServer: false`: `$all` page by page, types left out as the pages arrive), in the same
// run, against the gRPC test double of the package (no EventStoreDB server can be installed here).
// The log: 200 accounts of 100 events each, half of them of the two types the read skips. Reported
// per mode: the events that crossed the wire (counted by the double as it writes them), the events
// answered, and wall and CPU seconds (median, min, max of the rounds, modes taking turns). The
// double runs in this process, so CPU seconds are the client's and the server's together.
import { accountStream, type DomainEventType, type EventStore, type NewEvent } from '@account-ownership/core'
import { account, newEvent, openedAccountEvents } from '@account-ownership/core/testing'
import * as E from 'fp-ts/lib/Either.js'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath, pathToFileURL } from 'node:url'

// The store and its test double are loaded from the package's folder at run time: the bench
// package does not depend on the store (adding it would change the shared lockfile), and its
// typecheck covers bench/ only, so the little used of them is typed here.
const esdb = join(fileURLToPath(import.meta.url), '../../../packages/store-eventstoredb')
type Opened = E.Either<Error, EventStore>
const { openEventStoreDbEventStore } = (await import(pathToFileURL(join(esdb, 'src/index.ts')).href)) as {
  openEventStoreDbEventStore: (options: { connectionString: string; filterOnServer: boolean }) => Opened
}
const { startEsdbDouble } = (await import(pathToFileURL(join(esdb, 'test/double/esdb-double.ts')).href)) as {
  startEsdbDouble: () => Promise<{ connectionString: string; traffic: { read: { events: number }; sent: { events: number } }; stop(): Promise<void> }>
}

const accounts = Number(process.env['ESDB_BENCH_ACCOUNTS'] ?? 200)
const perAccount = 100
const rounds = Number(process.env['ESDB_BENCH_ROUNDS'] ?? 5)
const types: ReadonlyArray<DomainEventType> = ['AccountOpened', 'OwnershipAssigned']
const load = loadavg().map((l) => l.toFixed(2)).join(' ')

const double = await startEsdbDouble()
const open = (filterOnServer: boolean): EventStore => {
  const opened = openEventStoreDbEventStore({ connectionString: double.connectionString, filterOnServer })
  if (E.isLeft(opened)) throw opened.left
  return opened.right
}
const writer = open(true)
for (let a = 0; a < accounts; a++) {
  const id = `kunde-${a}`
  // The four first steps of an account, over and over: AccountOpened and OwnershipAssigned are
  // read, TeamMemberAdded and AccessGranted (half the log) are skipped.
  const events: NewEvent[] = Array.from({ length: perAccount }, (_, i) => newEvent(openedAccountEvents(account(id))[i % 4]!, { eventId: `${id}-${i}` }))
  const appended = await writer.append(accountStream(account(id)), events, { expectedVersion: 'no-stream' })
  if (E.isLeft(appended)) throw appended.left
}
await writer.close()
const stored = accounts * perAccount

const modes = { 'filtered on the server': open(true), 'unfiltered on the wire': open(false) } as const
type Mode = keyof typeof modes
const runs: Record<Mode, Array<{ wire: number; answered: number; wall: number; cpu: number }>> = { 'filtered on the server': [], 'unfiltered on the wire': [] }
const wire = () => double.traffic.read.events + double.traffic.sent.events

for (let round = 0; round < rounds; round++) {
  for (const mode of Object.keys(modes) as Mode[]) {
    ;(globalThis as { gc?: () => void }).gc?.()
    const before = wire()
    const cpuBefore = process.cpuUsage()
    const start = performance.now()
    let answered = 0
    for await (const event of modes[mode].readAll({ types, batchSize: 500 })) if (types.includes(event.type)) answered++
    const wall = (performance.now() - start) / 1000
    const { user, system } = process.cpuUsage(cpuBefore)
    runs[mode].push({ wire: wire() - before, answered, wall, cpu: (user + system) / 1e6 })
  }
}
for (const store of Object.values(modes)) await store.close()
await double.stop()

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!
const spread = (xs: number[]) => `${median(xs).toFixed(2)} (${sorted(xs)[0]!.toFixed(2)}–${sorted(xs).at(-1)!.toFixed(2)})`
const rows = (Object.keys(runs) as Mode[]).map((mode) => {
  const r = runs[mode]
  const wall = r.map((x) => x.wall)
  return `| ${mode} | ${r[0]!.wire.toLocaleString('en')} | ${r[0]!.answered.toLocaleString('en')} | ${spread(wall)} | ${spread(r.map((x) => x.cpu))} | ${Math.round(r[0]!.answered / median(wall)).toLocaleString('en')} |`
})
const [filtered, unfiltered] = [runs['filtered on the server'], runs['unfiltered on the wire']]
const consistent = [...filtered, ...unfiltered].every((x) => x.answered === stored / 2) && filtered.every((x) => x.wire === stored / 2) && unfiltered.every((x) => x.wire > stored)
console.log(
  [
    '## EventStoreDB store: a read by type filtered on the server (gRPC test double)',
    '',
    `${stored.toLocaleString('en')} events in ${accounts} streams, half of the two skipped types; \`readAll({ types: ['AccountOpened', 'OwnershipAssigned'], batchSize: 500 })\`, ${rounds} rounds, modes taking turns. Load average at the start: ${load}.`,
    '',
    '| mode | events on the wire | events answered | wall s, median (min–max) | CPU s, median (min–max) | answered events/s |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    `Wire: ${(unfiltered[0]!.wire / filtered[0]!.wire).toFixed(2)}× fewer events filtered on the server; wall time ${(median(unfiltered.map((x) => x.wall)) / median(filtered.map((x) => x.wall))).toFixed(2)}× (unfiltered ÷ filtered). Every run answered ${(stored / 2).toLocaleString('en')} events${consistent ? ', filtered on the server exactly the half of the log it answers; unfiltered the whole log, the node\'s first system event and the event each page starts with again' : ' — COUNTS DIFFER, see the table'}.`,
  ].join('\n'),
)
