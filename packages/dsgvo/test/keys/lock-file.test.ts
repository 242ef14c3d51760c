// The KEK file's lock in one process: a live holder's lock is never taken, a dead holder's is,
// through any takeover locks that takers who died in their turn left behind, and nothing is left
// after a release. The races between processes are in kek-file-takeover.test.ts.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
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
    expect(readFileSync(lock, 'utf8')).toMatch(new RegExp(`^${process.pid} [0-9a-f]{16} \\S+$`))
    expect(readFileSync(lock, 'utf8').split(' ')[2]!.startsWith(`${hostname().replaceAll(' ', '_')}/`)).toBe(true)
    expect(readdirSync(dir)).toEqual(['kek.json.lock'])
    releaseLockFile(lock)
    expect(readdirSync(dir)).toEqual([])
  })

  it('of another machine or container is judged by its age, not by a pid that counts only there', async () => {
    const { lock } = lockIn('elsewhere')
    // A pid that names no process here (taken at once if it counted here), and one that names a
    // live one here, this test's parent (never taken if it counted): neither says anything about
    // the holder elsewhere, and each lock is taken once it is as old as the wait.
    for (const pid of [exitedPid(), process.ppid]) {
      writeFileSync(lock, `${pid} 0123456789abcdef other-host/pid:[4026531836]`)
      const started = Date.now()
      expect(await acquireLockFile(lock, 200)).toBe(true)
      expect(Date.now() - started).toBeGreaterThanOrEqual(150)
      releaseLockFile(lock)
    }
  })

  it('of an earlier release (pid and nonce only) is judged by its pid, as then', async () => {
    const { lock } = lockIn('earlier')
    writeFileSync(lock, `${exitedPid()} 0123456789abcdef`)
    expect(await acquireLockFile(lock, 1_000)).toBe(true)
    releaseLockFile(lock)
    writeFileSync(lock, `${process.ppid} 0123456789abcdef`)
    expect(await acquireLockFile(lock, 50)).toBe(false)
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
