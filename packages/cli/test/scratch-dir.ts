// A fresh directory per test file, removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

export const scratchDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), `cli-${prefix}-`))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}
