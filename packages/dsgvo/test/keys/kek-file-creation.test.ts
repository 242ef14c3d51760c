// Given a KEK file that does not exist yet and several processes that open it at the same moment
// (a deployment's workers on their first erasure), when each has its KEK, then all have the same
// first KEK and it is the one in the file. Were the file created by whoever got there — written
// and renamed into place — one process would wrap keys under a KEK that the next one's file
// replaced, and those keys would be lost.
import { type ChildProcess, fork } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { scratchDir } from '../scratch-dir.js'

const scratch = scratchDir('kek-creation')
const creators = 4
const files = 20

type Answer = { readonly ready: true } | { readonly keys: ReadonlyArray<string> }

const creator = (dir: string) => {
  const child = fork(fileURLToPath(new URL('./kek-file-creator.ts', import.meta.url)), [dir], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const exited = new Promise<never>((_, reject) => child.on('exit', (code) => reject(new Error(`a creator exited with ${code}`))))
  const answers: Answer[] = []
  const waiting: Array<(a: Answer) => void> = []
  child.on('message', (a: Answer) => (waiting.length > 0 ? waiting.shift()!(a) : answers.push(a)))
  const next = () => Promise.race([answers.length > 0 ? Promise.resolve(answers.shift()!) : new Promise<Answer>((resolve) => waiting.push(resolve)), exited])
  return { child, next }
}

const children: ChildProcess[] = []
afterAll(() => children.forEach((c) => c.connected && c.disconnect()))

describe('a KEK file opened by several processes before it exists', () => {
  it('gives every process the same first KEK, the one in the file', async () => {
    const all = Array.from({ length: creators }, () => creator(scratch.dir))
    children.push(...all.map((c) => c.child))
    for (const c of all) expect(await c.next()).toEqual({ ready: true })
    // Each file opened by all at one moment of its own: one race per file.
    const startAt = performance.timeOrigin + performance.now() + 30
    for (const c of all) c.child.send({ startAt, files, stepMs: 10 })
    const got = await Promise.all(all.map(async (c) => ((await c.next()) as { keys: ReadonlyArray<string> }).keys))
    const inFiles = Array.from({ length: files }, (_, i) => {
      const ring = JSON.parse(readFileSync(join(scratch.dir, `kek-${i}.json`), 'utf8')) as { current: number; keys: Record<string, string> }
      return `${ring.current}:${ring.keys[ring.current]}`
    })
    for (const keys of got) expect(keys).toEqual(inFiles)
    expect(inFiles.every((k) => k.startsWith('1:'))).toBe(true)
  })
})
