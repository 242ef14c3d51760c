/**
 * A fresh directory under the system's temporary directory per test file, removed afterwards,
 * so every test stands on real files of its own.
 *
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

/** A directory for one test file's databases; `file(name)` names a path inside it. */
export const scratchDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), `ao-${prefix}-`))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  let n = 0
  return { dir, file: (name = `db-${++n}.db`) => join(dir, name) }
}
