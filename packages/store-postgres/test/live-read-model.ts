/**
 * A read-model database for tests that run the projection runtime over a PostgreSQL log: the
 * library's read models in a SQLite file of a temporary directory, removed after the file.
 *
 * @module
 */
import { accountStream, type AccountId, type NewEvent, type StreamId } from '@account-ownership/core'
import { account, newEvent, openedAccountEvents } from '@account-ownership/core/testing'
import type { ReadModels } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import type { Kysely } from 'kysely'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

/** A fresh SQLite read-model database, destroyed after the file. */
export const readModelDatabase = (): Kysely<ReadModels> => {
  const dir = mkdtempSync(join(tmpdir(), 'ao-store-postgres-'))
  const db = sqliteReadModels(join(dir, 'read-models.db'))
  afterAll(async () => {
    await db.destroy().catch(() => undefined)
    rmSync(dir, { recursive: true, force: true })
  })
  return db
}

/** The stream and first four events (opened, assigned, team member, grant) of account `id`. */
export const openedAccount = (id: string): { stream: StreamId; events: NewEvent[] } => ({
  stream: accountStream(account(id) as AccountId),
  events: openedAccountEvents(account(id)).map((e, i) => newEvent(e, { eventId: `${id}-${i}` })),
})

/** Resolves once `check` holds, polling every few milliseconds; rejects after `ms`. */
export const eventually = async (check: () => Promise<boolean> | boolean, ms = 10_000): Promise<void> => {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not reached within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
