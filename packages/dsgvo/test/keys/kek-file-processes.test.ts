// Given one KEK file and two processes that rotate and retire at once (two erasures on two
// machines' workers sharing the file), when both are done, then every rotation made a version of its
// own and the file holds the current KEK: no process wrote back a ring without the other's
// fresh KEK, and no two rotations made the same version. Without the file's lock, two rotations read
// the same ring and one write overwrites the other.
import { fileKeyEncryptionKeys } from '@account-ownership/dsgvo'
import * as E from 'fp-ts/lib/Either.js'
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { scratchDir } from '../scratch-dir.js'

const scratch = scratchDir('kek-processes')
const rotations = 150

const rotator = (path: string, startAt: number): Promise<ReadonlyArray<number>> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./kek-file-rotator.ts', import.meta.url)), path, String(rotations), String(startAt)], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as number[]) : reject(new Error(`rotator exited with ${code}`))))
  })

describe('a KEK file shared by two processes', () => {
  it('keeps every KEK the other made while both rotate and retire', async () => {
    const path = scratch.file()
    // Created once before the race, as a deployment would.
    expect(E.isRight(await fileKeyEncryptionKeys(path).current())).toBe(true)
    // Loading a child takes seconds on a loaded machine; both begin at the same later moment.
    const startAt = Date.now() + 8_000
    const [a, b] = await Promise.all([rotator(path, startAt), rotator(path, startAt)])
    const made = [...a, ...b].sort((x, y) => x - y)
    // Every rotation got a version of its own, and the two processes' rotations interleaved.
    expect(new Set(made).size).toBe(2 * rotations)
    expect(made).toEqual(Array.from({ length: 2 * rotations }, (_, i) => i + 2))
    const ring = JSON.parse(readFileSync(path, 'utf8')) as { current: number; keys: Record<string, string> }
    expect(ring.current).toBe(2 * rotations + 1)
    // The current KEK is in the file, with the one before it (each retirement kept it).
    expect(Object.keys(ring.keys).map(Number)).toEqual([2 * rotations, 2 * rotations + 1])
  }, 120_000)
})
