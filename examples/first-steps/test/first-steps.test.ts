// The README shows src/first-steps.ts as it is (docs/test/code-blocks.test.ts checks that); this
// runs it in an empty directory, as a new user would, and in one where the log cannot be opened.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, expect, it } from 'vitest'

const example = resolve(import.meta.dirname, '../src/first-steps.ts')
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
const dirs: string[] = []
const emptyDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'first-steps-'))
  dirs.push(dir)
  return dir
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

it('answers who owned kunde-1 in February: hanna, until the transfer to felix', () => {
  const out = execFileSync(process.execPath, ['--import', tsx, example], { cwd: emptyDir(), encoding: 'utf8' })
  expect(out).toContain("ownerId: 'hanna'")
  expect(out).toContain("to: '2026-03-01T08:00:00.000Z'")
})

it('answers the same when run again on the same files: every command is recognised by its id', () => {
  const dir = emptyDir()
  execFileSync(process.execPath, ['--import', tsx, example], { cwd: dir, encoding: 'utf8' })
  const again = execFileSync(process.execPath, ['--import', tsx, example], { cwd: dir, encoding: 'utf8' })
  expect(again).toContain("ownerId: 'hanna'")
})

it('stops with the typed error, exit code 1 and no answer when the log cannot be opened', () => {
  const dir = emptyDir()
  writeFileSync(join(dir, 'kunden.db'), 'this is a spreadsheet, not an event log\n'.repeat(200))
  const run = spawnSync(process.execPath, ['--import', tsx, example], { cwd: dir, encoding: 'utf8' })
  expect(run.status).toBe(1)
  expect(run.stderr).toMatch(/^\w+Error: /m)
  expect(run.stdout).not.toContain('ownerId')
})
