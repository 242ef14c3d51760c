// The README shows src/first-steps.ts as it is; this runs it in an empty directory, as a new user
// would, and checks that the README still shows exactly this file.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, expect, it } from 'vitest'

const example = resolve(import.meta.dirname, '../src/first-steps.ts')
const dir = mkdtempSync(join(tmpdir(), 'first-steps-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('answers who owned kunde-1 in February: hanna, until the transfer to felix', () => {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
  const out = execFileSync(process.execPath, ['--import', tsx, example], { cwd: dir, encoding: 'utf8' })
  expect(out).toContain("_tag: 'Right'")
  expect(out).toContain("ownerId: 'hanna'")
  expect(out).toContain("to: '2026-03-01T08:00:00.000Z'")
})

it('is shown in the README exactly as it is', () => {
  const readme = readFileSync(resolve(import.meta.dirname, '../../../README.md'), 'utf8')
  expect(readme).toContain('```ts\n' + readFileSync(example, 'utf8') + '```')
})
