// Real SQLite files for the tests, in one temporary directory per test file, removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

export const scratchFiles = (prefix: string): ((name: string) => string) => {
  const dir = mkdtempSync(join(tmpdir(), `ao-access-${prefix}-`))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  return (name) => join(dir, name)
}
