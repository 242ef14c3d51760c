// The quickstart runs as `pnpm quickstart` runs it (a child process on SQLite files in an empty
// directory), twice on the same files, and on the in-memory store; each time it must tell the
// story and answer for a past day who owned the account and who could access it, and why.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { inMemoryEventStore } from '@account-ownership/core'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import { afterAll, expect, it } from 'vitest'
import { runQuickstart } from '../src/main.js'

const story = ['AccountOpened', 'OwnershipAssigned', 'AccessGranted', 'OwnershipTransferRequested', 'OwnershipTransferApproved', 'OwnershipTransferred', 'AccountArchived']
const typesIn = (lines: ReadonlyArray<string>) => lines.filter((l) => /^\s+v\d+/.test(l)).map((l) => l.trim().split(/\s+/)[2])
const main = join(import.meta.dirname, '../src/main.ts')
const dirs: string[] = []
const emptyDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'quickstart-test-'))
  dirs.push(dir)
  return dir
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

it('runs as `pnpm quickstart` does, on SQLite files: the story, then who owned and who could access kunde-4711 on 28 January, and why', () => {
  const dir = emptyDir()
  const out = execFileSync(process.execPath, ['--import', 'tsx', main, dir], { encoding: 'utf8' })
  expect(typesIn(out.split('\n'))).toEqual(story)
  expect(out).toContain('On 2026-01-28T12:00:00Z kunde-4711 was owned by hanna (since 2026-01-12T09:05:00.000Z, assigned by dora).')
  expect(out).toMatch(/^ {2}hanna +as owner since 2026-01-12T09:05:00.000Z$/m)
  expect(out).toMatch(/^ {2}sven +through grant-1: "customer-support", art6-1-b-contract, granted by hanna, until 2026-02-19T10:00:00.000Z$/m)
  expect(out).toContain(join(dir, 'kunden.db'))
})

it("answers for a day after the transfer and the grant's expiry: felix, and only felix", () => {
  const out = execFileSync(process.execPath, ['--import', 'tsx', main, emptyDir(), '2026-03-01T00:00:00Z'], { encoding: 'utf8' })
  expect(out).toContain('kunde-4711 was owned by felix (since 2026-02-03T14:00:00.000Z, transferred by dora, reason hunter-to-farmer).')
  const who = out.slice(out.indexOf('Who could access'))
  expect(who).toContain('felix')
  expect(who).not.toContain('sven')
  expect(who).not.toContain('hanna ')
})

it('stops with the typed error and exit code 1 for a day that is not an instant', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', main, emptyDir(), '28.01.2026'], { encoding: 'utf8' })
  expect(run.status).toBe(1)
  expect(run.stderr).toMatch(/^InvalidQueryError: .*\bat\b/m)
  expect(run.stderr).not.toContain('28.01.2026')
})

it('stops with the typed error and exit code 1 when the log file is not an event log', () => {
  const dir = emptyDir()
  writeFileSync(join(dir, 'kunden.db'), 'Kundenliste;Umsatz\n'.repeat(300))
  const run = spawnSync(process.execPath, ['--import', 'tsx', main, dir], { encoding: 'utf8' })
  expect(run.status).toBe(1)
  expect(run.stderr).toMatch(/^\w+Error: /m)
  expect(run.stdout).not.toContain('History')
})

it('records the story once in the SQLite file: a second run finds every command done', async () => {
  const dir = emptyDir()
  for (let run = 0; run < 2; run++) {
    const store = openSqliteEventStore({ path: join(dir, 'kunden.db') })
    if (E.isLeft(store)) throw store.left
    const db = sqliteReadModels(join(dir, 'read-models.db'))
    const lines: string[] = []
    expect(await runQuickstart(store.right, db, '2026-01-28T12:00:00Z', (l) => lines.push(l))).toEqual(E.right(undefined))
    expect(typesIn(lines)).toEqual(story)
    await db.destroy()
    await store.right.close()
  }
})

it('runs on the in-memory store alike', async () => {
  const db = sqliteReadModels(':memory:')
  const lines: string[] = []
  expect(await runQuickstart(inMemoryEventStore(), db, '2026-01-28T12:00:00Z', (l) => lines.push(l))).toEqual(E.right(undefined))
  expect(typesIn(lines)).toEqual(story)
  expect(lines).toContain('  sven   through grant-1: "customer-support", art6-1-b-contract, granted by hanna, until 2026-02-19T10:00:00.000Z')
  await db.destroy()
})
