// The KEK file's lock in one process: a live holder's lock is never taken, a dead holder's is,
// through any takeover locks that takers who died in their turn left behind, and nothing is left
// after a release. The races between processes are in kek-file-takeover.test.ts.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { acquireLockFile, releaseLockFile } from '../../src/keys/lock-file.js'
import { scratchDir } from '../scratch-dir.js'

const scratch = scratchDir('lock-file')

// A fresh directory per case, so that what is left behind can be listed.
const lockIn = (name: string) => {
  const dir = scratch.file(name)
  mkdirSync(dir)
  return { dir, lock: join(dir, 'kek.json.lock') }
}
const exitedPid = () => spawnSync(process.execPath, ['-e', '']).pid!
const leftBehind = (path: string, content: string) => {
  writeFileSync(path, content)
  utimesSync(path, new Date(0), new Date(0))
}

describe('the KEK file lock', () => {
  it('is not taken from a live holder, however old its lock', async () => {
    const { lock } = lockIn('live')
    leftBehind(lock, `${process.ppid} 0123456789abcdef`)
    expect(await acquireLockFile(lock, 50)).toBe(false)
    expect(readFileSync(lock, 'utf8')).toBe(`${process.ppid} 0123456789abcdef`)
  })

  it('is taken from a dead holder through the takeover locks of takers who died', async () => {
    const { dir, lock } = lockIn('dead')
    for (const path of [lock, `${lock}.takeover`, `${lock}.takeover.takeover`]) leftBehind(path, `${exitedPid()} 0123456789abcdef`)
    expect(await acquireLockFile(lock, 1_000)).toBe(true)
    expect(readFileSync(lock, 'utf8')).toMatch(new RegExp(`^${process.pid} [0-9a-f]{16}$`))
    expect(readdirSync(dir)).toEqual(['kek.json.lock'])
    releaseLockFile(lock)
    expect(readdirSync(dir)).toEqual([])
  })

  it('is taken when it names no holder only once older than the wait', async () => {
    const { lock } = lockIn('nameless')
    writeFileSync(lock, '')
    const started = Date.now()
    expect(await acquireLockFile(lock, 200)).toBe(true)
    expect(Date.now() - started).toBeGreaterThanOrEqual(150)
    releaseLockFile(lock)
    leftBehind(lock, '')
    expect(await acquireLockFile(lock, 1_000)).toBe(true)
  })
})
