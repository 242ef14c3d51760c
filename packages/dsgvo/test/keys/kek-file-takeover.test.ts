// Given a KEK file whose lock was left behind by a process that has died, and several processes
// that rotate at the same moment, when they all take the lock over, then only one holds it at a
// time: no process enters the ring's read and write while another is inside, every rotation made
// a version of its own, and the ring holds them all. Removing the lock on the strength of an
// earlier look lets a slow taker remove the fresh lock of a faster one; two processes then
// rotate at once and a KEK, with every key wrapped under it, is lost.
import { fileKeyEncryptionKeys } from '@account-ownership/dsgvo'
import * as E from 'fp-ts/lib/Either.js'
import { type ChildProcess, fork, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { scratchDir } from '../scratch-dir.js'

const scratch = scratchDir('kek-takeover')
const takers = 4
const rounds = 30

type Answer = { readonly ready: true } | { readonly version: number }

const taker = (path: string, log: string) => {
  const child = fork(fileURLToPath(new URL('./kek-file-taker.ts', import.meta.url)), [path, log], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const answers: Answer[] = []
  const waiting: Array<(a: Answer) => void> = []
  child.on('message', (a: Answer) => (waiting.length > 0 ? waiting.shift()!(a) : answers.push(a)))
  const exited = new Promise<never>((_, reject) => child.on('exit', (code) => reject(new Error(`a taker exited with ${code}`))))
  const next = () => Promise.race([answers.length > 0 ? Promise.resolve(answers.shift()!) : new Promise<Answer>((resolve) => waiting.push(resolve)), exited])
  return { child, next }
}

// The pid of a process that has exited: what a holder that died leaves in its lock. One is
// enough for every round while no new process gets its pid.
let exited: number | undefined
const deadPid = (): number => {
  for (;;) {
    try {
      if (exited !== undefined) process.kill(exited, 0)
    } catch (e) {
      if ((e as { code?: string }).code === 'ESRCH') return exited!
    }
    exited = spawnSync(process.execPath, ['-e', '']).pid!
  }
}

const children: ChildProcess[] = []
afterAll(() => children.forEach((c) => c.connected && c.disconnect()))

describe('a KEK file whose lock holder died', () => {
  it('is taken over by one process at a time when several rotate at once', async () => {
    const path = scratch.file('kek.json')
    const log = scratch.file('holders.log')
    writeFileSync(log, '')
    expect(E.isRight(await fileKeyEncryptionKeys(path).current())).toBe(true)
    const all = Array.from({ length: takers }, () => taker(path, log))
    children.push(...all.map((t) => t.child))
    for (const t of all) expect(await t.next()).toEqual({ ready: true })
    const made: number[] = []
    let logged = 0
    for (let round = 0; round < rounds; round++) {
      // Left as a holder of this version (pid and nonce) or an earlier one (pid alone) would
      // leave it, dated back so that no rule of age keeps a taker waiting; every third round
      // also with the takeover lock of a taker that died in its turn, every sixth with the one
      // above it as well.
      const lock = `${path}.lock`
      const leftBehind = [lock, ...(round % 3 === 2 ? [`${lock}.takeover`] : []), ...(round % 6 === 5 ? [`${lock}.takeover.takeover`] : [])]
      for (const file of leftBehind) {
        writeFileSync(file, round % 2 === 0 ? `${deadPid()}` : `${deadPid()} ${randomBytes(8).toString('hex')}`)
        utimesSync(file, new Date(0), new Date(0))
      }
      const startAt = performance.timeOrigin + performance.now() + 30
      for (const t of all) t.child.send({ startAt })
      const versions = await Promise.all(all.map(async (t) => ((await t.next()) as { version: number }).version))
      made.push(...versions)
      // Every rotation got a version of its own, and the ring still holds each of them.
      const ring = JSON.parse(readFileSync(path, 'utf8')) as { keys: Record<string, string> }
      expect(new Set(made).size, `round ${round}: ${versions}`).toBe(made.length)
      expect(made.filter((v) => ring.keys[v] === undefined), `round ${round}`).toEqual([])
      // The holders' sections never interleave: each enter is followed by the same process's leave.
      const lines = readFileSync(log, 'utf8').trim().split('\n').slice(logged)
      logged += lines.length
      const overlaps = lines.filter((line, i) => (i % 2 === 0 ? !line.startsWith('enter ') : line !== `leave ${lines[i - 1]!.slice('enter '.length)}`))
      expect(overlaps, `round ${round}: ${lines}`).toEqual([])
      expect(lines).toHaveLength(2 * takers)
      // Nothing is left behind: no lock, no takeover lock, no temporary file.
      expect(readdirSync(dirname(path)).sort(), `round ${round}`).toEqual(['holders.log', 'kek.json'])
    }
  }, 30_000)
})
