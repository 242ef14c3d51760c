// CPU per command without the sync: this library's command (accountCommandHandler on
// openSqliteEventStore) beside the raw better-sqlite3 contender of the comparison, both at
// synchronous = OFF on fresh files with 1,000 accounts (or as many as named), so what remains is the work each does in
// the process. Not a `.bench.ts`: `run.ts` does not pick it up; it is run by hand, under
// `--cpu-prof` to see where a command's time goes.
//
//   cd bench && npx --yes pnpm@12.21.0 exec tsx store-sqlite/command-cpu.ts [both|library|raw] [commands] [accounts]
//   CPU_PROFILE=/tmp/library.cpuprofile npx --yes pnpm@12.21.0 exec tsx store-sqlite/command-cpu.ts library 20000 100000
//
// With CPU_PROFILE set, the commands (not the seeding) are profiled into that file.
import { accountStream, type AccountId } from '@account-ownership/core'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import { Session } from 'node:inspector/promises'
import { writeFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { newEventOf, openedFact, type Contender } from '../comparison/contender.js'
import { libraryContender, unwrap } from '../comparison/library-contender.js'
import { rawSqlite } from '../comparison/sqlite-contenders.js'
import { commandsOf } from '../comparison/workloads.js'
import { benchFile } from './bench-file.js'

const which = (process.argv[2] ?? 'both') as 'both' | 'library' | 'raw'
const count = Number(process.argv[3] ?? 20_000)
const accounts = Number(process.argv[4] ?? 1000)
const block = 1000

const libraryOff = async (): Promise<Contender> => {
  const db = new Database(benchFile())
  const store = unwrap(openSqliteEventStore({ database: db }))
  db.pragma('synchronous = OFF')
  for (let a = 0; a < accounts; a++) unwrap(await store.append(accountStream(`kunde-${a}` as AccountId), [newEventOf(openedFact(a))], { expectedVersion: 'no-stream' }))
  const contender = libraryContender(store)
  return {
    ...contender,
    close: async () => {
      await contender.close()
      db.close()
    },
  }
}

const systems: Contender[] = []
if (which !== 'library') systems.push(rawSqlite(benchFile(), accounts, 'OFF'))
if (which !== 'raw') systems.push(await libraryOff())

const cpuNow = () => {
  const { user, system } = process.cpuUsage()
  return user + system
}
const cpu = new Map(systems.map((s) => [s.name, 0]))
const wall = new Map(systems.map((s) => [s.name, 0]))
// Blocks of commands, the systems taking turns block by block; the first block of each is warm-up.
const blocks = Math.ceil(count / block)
const profile = process.env['CPU_PROFILE']
const session = new Session()
if (profile) {
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.start')
}
for (let b = 0; b <= blocks; b++) {
  const commands = commandsOf(accounts, b, block)
  for (let k = 0; k < systems.length; k++) {
    const system = systems[(b + k) % systems.length]!
    const cpuStart = cpuNow()
    const start = performance.now()
    for (const c of commands) await system.classify(c.account, c.score, c.commandId)
    if (b === 0) continue
    cpu.set(system.name, cpu.get(system.name)! + cpuNow() - cpuStart)
    wall.set(system.name, wall.get(system.name)! + (performance.now() - start) * 1000)
  }
}
if (profile) writeFileSync(profile, JSON.stringify((await session.post('Profiler.stop')).profile))
for (const s of systems) await s.close()
const measured = blocks * block
for (const s of systems) console.log(`${s.name}: ${(cpu.get(s.name)! / measured).toFixed(1)} CPU µs per command, ${(wall.get(s.name)! / measured).toFixed(1)} wall µs per command (${measured} commands at synchronous = OFF)`)
