import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { inMemoryEventStore } from '@account-ownership/core'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import { afterAll, expect, it } from 'vitest'
import { runQuickstart } from '../src/main.js'

const story = [
  'AccountOpened',
  'OwnershipAssigned',
  'AccessGranted',
  'OwnershipTransferRequested',
  'OwnershipTransferApproved',
  'OwnershipTransferred',
  'AccountArchived',
]
const typesIn = (lines: ReadonlyArray<string>) => lines.filter((l) => /^\s+v\d+/.test(l)).map((l) => l.trim().split(/\s+/)[2])
const dir = mkdtempSync(join(tmpdir(), 'quickstart-test-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('runs as `pnpm quickstart` does, on a SQLite file, and prints the story', () => {
  const main = join(import.meta.dirname, '../src/main.ts')
  const out = execFileSync(process.execPath, ['--import', 'tsx', main, join(dir, 'kunden.db')], { encoding: 'utf8' })
  expect(typesIn(out.split('\n'))).toEqual(story)
  expect(out).toContain(join(dir, 'kunden.db'))
})

it('records the story in the SQLite file, where a second run finds every command already done', async () => {
  const path = join(dir, 'twice.db')
  for (let run = 0; run < 2; run++) {
    const store = E.getOrElseW((e: Error) => {
      throw e
    })(openSqliteEventStore({ path }))
    const lines: string[] = []
    await runQuickstart(store, (l) => lines.push(l))
    expect(typesIn(lines)).toEqual(story)
    await store.close()
  }
})

it('runs on the in-memory store alike', async () => {
  const lines: string[] = []
  await runQuickstart(inMemoryEventStore(), (l) => lines.push(l))
  expect(typesIn(lines)).toEqual(story)
})
