// The own-projection example: its table follows the log beside the library's read models in one
// database, the Kysely query across both answers, the answer does not depend on how the log was
// cut into batches, a bad argument is a typed error naming it, and the script prints the answer.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { inMemoryEventStore } from '@account-ownership/core'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import { afterAll, expect, it } from 'vitest'
import { runOwnProjection, type AllReadModels } from '../src/own-projection.js'
import { thinKeyAccounts } from '../src/thin-key-accounts.queries.js'

const databases: Array<{ destroy(): Promise<void> }> = []
const freshDatabase = () => {
  const db = sqliteReadModels<AllReadModels>(':memory:')
  databases.push(db)
  return db
}
afterAll(async () => {
  for (const db of databases) await db.destroy()
})

it('finds the key accounts with fewer than two team members, standard accounts left out', async () => {
  const answer = await runOwnProjection(inMemoryEventStore(), freshDatabase())
  expect(answer).toEqual(
    E.right([
      { accountId: 'kunde-1', displayName: 'Albrecht Anlagenbau AG', ownerId: 'hanna', teamSize: 1 },
      { accountId: 'kunde-2', displayName: 'Brandt Chemie GmbH', ownerId: 'felix', teamSize: 1 },
    ]),
  )
})

it('keeps the same table whether the runtime applies the log one event per batch or all at once', async () => {
  const tableOf = async (batchSize: number) => {
    const db = freshDatabase()
    expect(E.isRight(await runOwnProjection(inMemoryEventStore(), db, batchSize))).toBe(true)
    return db.selectFrom('team_sizes').selectAll().orderBy('account_id').execute()
  }
  const oneByOne = await tableOf(1)
  expect(oneByOne).toEqual([
    { account_id: 'kunde-1', team_size: 1 },
    { account_id: 'kunde-2', team_size: 1 },
    { account_id: 'kunde-3', team_size: 0 },
  ])
  expect(await tableOf(500)).toEqual(oneByOne)
})

it('answers a bad minimum with an InvalidQueryError naming the argument, and a missing table with a value too', async () => {
  const db = freshDatabase()
  expect(await thinKeyAccounts(db, -1)).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidQueryError', field: 'minimumTeamSize' })))
  expect(await thinKeyAccounts(db, 1.5)).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidQueryError', field: 'minimumTeamSize' })))
  expect(await thinKeyAccounts(db, 2)).toEqual(E.left(expect.objectContaining({ _tag: 'ReadModelUnavailableError' })))
})

it('runs as a script on SQLite files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'own-projection-test-'))
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../src/own-projection.ts'), dir], { encoding: 'utf8' })
    expect(out.trim().split('\n')).toEqual(['kunde-1  Albrecht Anlagenbau AG   owner hanna  team of 1', 'kunde-2  Brandt Chemie GmbH       owner felix  team of 1'])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
