// Your projection beside the library's read models, in one SQLite database filled by one runtime,
// and a Kysely query across both: which open key accounts have fewer than two team members?
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { accountCommandHandler, defaultPolicy, type AccountCommandInput, type EventStore } from '@account-ownership/core'
import { projectionRuntime, readModelProjections, type ReadModels } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import type { Kysely } from 'kysely'
import { teamSizeProjection, type TeamSizeTables } from './team-size.projection.js'
import { thinKeyAccounts, type ThinKeyAccount } from './thin-key-accounts.queries.js'

const tenantId = 'acme-de'
const open = (accountId: string, displayName: string, tier: 'key' | 'standard', ownerId: string): AccountCommandInput[] => [
  { type: 'OpenAccount', data: { accountId, tenantId, displayName, tier } },
  { type: 'AssignOwner', data: { accountId, ownerId } },
]
const member = (accountId: string, principalId: string): AccountCommandInput => ({ type: 'AddTeamMember', data: { accountId, principalId, role: 'customer-success' } })
/** Three accounts (two of them key accounts), their owners, and team members added and removed. */
export const commands: ReadonlyArray<AccountCommandInput> = [
  ...open('kunde-1', 'Albrecht Anlagenbau AG', 'key', 'hanna'),
  ...open('kunde-2', 'Brandt Chemie GmbH', 'key', 'felix'),
  ...open('kunde-3', 'Claasen Druck KG', 'standard', 'felix'),
  member('kunde-1', 'sven'),
  member('kunde-1', 'ada'),
  member('kunde-2', 'sven'),
  { type: 'RemoveTeamMember', data: { accountId: 'kunde-1', principalId: 'ada' } },
]

/** The database type of one read-model database holding the library's tables and yours. */
export type AllReadModels = ReadModels & TeamSizeTables

/** Records the commands, runs the library's projections and yours in one runtime, and asks the query. */
export const runOwnProjection = async (store: EventStore, db: Kysely<AllReadModels>, batchSize?: number): Promise<E.Either<{ _tag: string; message: string }, ReadonlyArray<ThinKeyAccount>>> => {
  const accounts = accountCommandHandler({ store, policy: { ...defaultPolicy, admins: ['dora'] } })
  for (const [i, command] of commands.entries()) {
    const handled = await accounts.handle(command, { commandId: `own-${i}`, actor: 'dora', occurredAt: `2026-04-01T09:${String(i).padStart(2, '0')}:00Z`, tenantId })
    if (E.isLeft(handled)) return handled
  }
  const runtime = projectionRuntime({ store, db, projections: [...readModelProjections, teamSizeProjection], ...(batchSize === undefined ? {} : { batchSize }) })
  const caughtUp = await runtime.runUntilCaughtUp()
  if (E.isLeft(caughtUp)) return caughtUp
  return thinKeyAccounts(db, 2)
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const dir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'own-projection-'))
  const opened = openSqliteEventStore({ path: join(dir, 'kunden.db') })
  if (E.isLeft(opened)) {
    console.error(`${opened.left._tag}: ${opened.left.message}`)
    process.exit(1)
  }
  const db = sqliteReadModels<AllReadModels>(join(dir, 'read-models.db'))
  const thin = await runOwnProjection(opened.right, db)
  await db.destroy()
  await opened.right.close()
  if (E.isLeft(thin)) {
    console.error(`${thin.left._tag}: ${thin.left.message}`)
    process.exit(1)
  }
  for (const a of thin.right) console.log(`${a.accountId}  ${a.displayName.padEnd(24)} owner ${a.ownerId}  team of ${a.teamSize}`)
}
