// A read by type of the EventStoreDB store, filtered on the server (a catch-up subscription with
// an event-type filter, the default) beside the same read unfiltered on the wire
// (`filterOnServer: false`: `$all` page by page, types left out as the pages arrive), in the same
// run, against the gRPC test double of the package (no EventStoreDB server can be installed here),
// which runs in a process of its own (double-process.ts).
// The log: 200 accounts of 100 events each, half of them of the two types the read skips. Beside
// it, a read of every type in both modes, where the same events cross. Reported per mode: the
// events that crossed the wire (counted by the double as it writes them), the events answered,
// wall seconds, and CPU seconds of the client (this process) and of the double (median, min, max
// of the rounds, modes taking turns).
import { accountStream, type DomainEventType, type EventStore, type NewEvent } from '@account-ownership/core'
import { account, newEvent, openedAccountEvents } from '@account-ownership/core/testing'
import * as E from 'fp-ts/lib/Either.js'
import { loadavg } from 'node:os'
import { fork } from 'node:child_process'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath, pathToFileURL } from 'node:url'

// The store is loaded from the package's folder at run time: the bench package does not depend on
// it (adding it would change the shared lockfile), and its typecheck covers bench/ only, so the
// little used of it is typed here.
const esdb = join(fileURLToPath(import.meta.url), '../../../packages/store-eventstoredb')
type Opened = E.Either<Error, EventStore>
const { openEventStoreDbEventStore } = (await import(pathToFileURL(join(esdb, 'src/index.ts')).href)) as {
  openEventStoreDbEventStore: (options: { connectionString: string; filterOnServer: boolean }) => Opened
}

const accounts = Number(process.env['ESDB_BENCH_ACCOUNTS'] ?? 200)
const perAccount = 100
const rounds = Number(process.env['ESDB_BENCH_ROUNDS'] ?? 5)
const types: ReadonlyArray<DomainEventType> = ['AccountOpened', 'OwnershipAssigned']
const load = loadavg().map((l) => l.toFixed(2)).join(' ')

const child = fork(join(fileURLToPath(import.meta.url), '../double-process.ts'), { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
const answer = <A>(ask?: string) =>
  new Promise<A>((resolve) => {
    child.once('message', (m) => resolve(m as A))
    if (ask !== undefined) child.send(ask)
  })
const double = await answer<{ connectionString: string }>()
type Traffic = { events: number; cpu: NodeJS.CpuUsage }
const traffic = () => answer<Traffic>('traffic')
const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6

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

const stores = { server: open(true), wire: open(false) } as const
// The read by type in both modes, and a read of every type in both modes: with nothing to skip
// the same events cross either way, which shows what the subscription path costs per event.
const modes = {
  'by type, filtered on the server': { store: stores.server, types },
  'by type, unfiltered on the wire': { store: stores.wire, types },
  'every type, filtered on the server': { store: stores.server, types: undefined },
  'every type, unfiltered on the wire': { store: stores.wire, types: undefined },
} as const
type Mode = keyof typeof modes
type Run = { wire: number; answered: number; wall: number; cpu: number; server: number }
const runs = Object.fromEntries(Object.keys(modes).map((m) => [m, [] as Run[]])) as Record<Mode, Run[]>

for (let round = 0; round < rounds; round++) {
  for (const mode of Object.keys(modes) as Mode[]) {
    const { store, types: read } = modes[mode]
    ;(globalThis as { gc?: () => void }).gc?.()
    const before = await traffic()
    const cpuBefore = process.cpuUsage()
    const start = performance.now()
    let answered = 0
    for await (const _ of store.readAll(read === undefined ? { batchSize: 500 } : { types: read, batchSize: 500 })) answered++
    const wall = (performance.now() - start) / 1000
    const { user, system } = process.cpuUsage(cpuBefore)
    const after = await traffic()
    runs[mode].push({ wire: after.events - before.events, answered, wall, cpu: (user + system) / 1e6, server: cpuSeconds(after.cpu) - cpuSeconds(before.cpu) })
  }
}
for (const store of Object.values(stores)) await store.close()
child.send('stop')

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!
const spread = (xs: number[]) => `${median(xs).toFixed(2)} (${sorted(xs)[0]!.toFixed(2)}–${sorted(xs).at(-1)!.toFixed(2)})`
const rows = (Object.keys(runs) as Mode[]).map((mode) => {
  const r = runs[mode]
  const wall = r.map((x) => x.wall)
  return `| ${mode} | ${r[0]!.wire.toLocaleString('en')} | ${r[0]!.answered.toLocaleString('en')} | ${spread(wall)} | ${spread(r.map((x) => x.cpu))} | ${spread(r.map((x) => x.server))} | ${Math.round(r[0]!.answered / median(wall)).toLocaleString('en')} |`
})
const ratio = (a: Mode, b: Mode, of: 'wall' | 'cpu' | 'server') => (median(runs[a].map((x) => x[of])) / median(runs[b].map((x) => x[of]))).toFixed(2)
const [filtered, unfiltered] = [runs['by type, filtered on the server'], runs['by type, unfiltered on the wire']]
const consistent =
  [...filtered, ...unfiltered].every((x) => x.answered === stored / 2) &&
  filtered.every((x) => x.wire === stored / 2) &&
  unfiltered.every((x) => x.wire > stored) &&
  runs['every type, filtered on the server'].every((x) => x.answered === stored && x.wire === stored) &&
  runs['every type, unfiltered on the wire'].every((x) => x.answered === stored)
console.log(
  [
    '## EventStoreDB store: a read by type filtered on the server (gRPC test double)',
    '',
    `${stored.toLocaleString('en')} events in ${accounts} streams, half of the two skipped types; \`readAll({ types: ['AccountOpened', 'OwnershipAssigned'], batchSize: 500 })\`, ${rounds} rounds, modes taking turns. Load average at the start: ${load}.`,
    '',
    '| mode | events on the wire | events answered | wall s, median (min–max) | client CPU s | double CPU s | answered events/s |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `By type: ${(unfiltered[0]!.wire / filtered[0]!.wire).toFixed(2)}× fewer events on the wire filtered on the server; unfiltered ÷ filtered ${ratio('by type, unfiltered on the wire', 'by type, filtered on the server', 'wall')}× wall, ${ratio('by type, unfiltered on the wire', 'by type, filtered on the server', 'cpu')}× client CPU, ${ratio('by type, unfiltered on the wire', 'by type, filtered on the server', 'server')}× double CPU. Every type (the same events cross either way): filtered ÷ unfiltered ${ratio('every type, filtered on the server', 'every type, unfiltered on the wire', 'wall')}× wall, ${ratio('every type, filtered on the server', 'every type, unfiltered on the wire', 'cpu')}× client CPU, ${ratio('every type, filtered on the server', 'every type, unfiltered on the wire', 'server')}× double CPU — what the subscription path costs per event.`,
    consistent
      ? `Counts as expected: filtered on the server exactly the events answered (${(stored / 2).toLocaleString('en')} by type, ${stored.toLocaleString('en')} of every type); unfiltered the whole log, the node's first system event and the event each page starts with again.`
      : 'COUNTS DIFFER, see the table.',
  ].join('\n'),
)
