// The DSGVO example on SQLite files in an empty directory: the Art. 15 report shows Erika's data
// before the erasure and `[erased]` after it, Max on the same account keeps his, and a scan of
// every file the example wrote (log, keys, audit tables, their WAL and shm files) finds her name
// and e-mail nowhere, in UTF-8 or UTF-16 — while it does find a plain text the log keeps.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { filesHolding, filesIn, runSubjectRequest, type SubjectRequestOutcome } from '../src/subject-request-and-erasure.js'

const dirs: string[] = []
const emptyDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'dsgvo-example-'))
  dirs.push(dir)
  return dir
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

describe('a subject request and erasure for Erika Mustermann', () => {
  const dir = emptyDir()
  let outcome: SubjectRequestOutcome
  beforeAll(async () => {
    const result = await runSubjectRequest(dir)
    if (E.isLeft(result)) throw new Error(`${result.left._tag}: ${result.left.message}`)
    outcome = result.right
  })

  it('reports before the erasure the account map naming her, with her name and e-mail as held', () => {
    expect(outcome.before.mentions.map((m) => [m.accountId, m.role, m.mappedBy, m.personalData])).toEqual([
      ['kunde-7', 'decision-maker', 'dora', { name: 'Erika Mustermann', email: 'erika.mustermann@weber-werkzeugbau.example' }],
    ])
    expect(outcome.before.erasures).toEqual([])
  })

  it('reports after the erasure the same mention, her data read as [erased], and the erasure with its ground', () => {
    expect(outcome.after.mentions.map((m) => [m.accountId, m.personalData])).toEqual([['kunde-7', { name: '[erased]', email: '[erased]' }]])
    expect(outcome.after.erasures.map((e) => [e.erasedBy, e.legalGround, e.erasedAt])).toEqual([['dpo-1', 'art17-1-c-objection', '2026-03-02T10:00:00.000Z']])
  })

  it('leaves Max, mapped on the same account, readable', () => {
    expect(outcome.maxAfter.mentions.map((m) => m.personalData)).toEqual([{ name: 'Max Muster' }])
  })

  it('leaves her name and e-mail in no file the example wrote', () => {
    expect(filesHolding(dir, 'Erika Mustermann')).toEqual([])
    expect(filesHolding(dir, 'erika.mustermann@weber-werkzeugbau.example')).toEqual([])
  })

  it('is a scan that finds plain text where the log keeps it: the account name, which is no personal datum', () => {
    expect(filesHolding(dir, 'Weber Werkzeugbau GmbH')).toContain(filesIn(dir).log)
  })
})

it('runs as a script and prints both reports and the byte check', () => {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../src/subject-request-and-erasure.ts'), emptyDir()], { encoding: 'utf8' })
  expect(out).toContain('Art. 15 before erasure — kunde-7: {"name":"Erika Mustermann"')
  expect(out).toContain('Art. 15 after erasure  — kunde-7: {"name":"[erased]","email":"[erased]"}')
  expect(out).toContain('files holding "Erika Mustermann": []')
})
