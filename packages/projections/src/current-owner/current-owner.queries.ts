/**
 * Queries of the current owner read model: who owns an account now, the book of business of an
 * owner, the orphaned accounts that wait for an owner, and the archived ones.
 *
 * @module
 */
import type { AccountId, PrincipalId, Tier } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely, Selectable } from 'kysely'
import type { InvalidQueryError } from '../query/invalid-query-error.js'
import { accountIdArgument, principalIdArgument } from '../query/query-input.js'
import type { CurrentOwnerTable } from './current-owner.table.js'

type Tables = { readonly current_owners: CurrentOwnerTable }

/**
 * An account as the current owner read model has it.
 * @category queries
 * @since 0.1.0
 */
export interface AccountStanding {
  readonly accountId: AccountId
  readonly displayName: string
  readonly tier: Tier
  readonly ownership: 'unassigned' | 'owned' | 'orphaned'
  readonly ownerId: PrincipalId | null
  readonly previousOwnerId: PrincipalId | null
  /** Since when the current ownership (or orphaned state) holds, in business time. */
  readonly since: string | null
  readonly archivedAt: string | null
}

const standingOf = (row: Selectable<CurrentOwnerTable>): AccountStanding => ({
  accountId: row.account_id as AccountId,
  displayName: row.display_name,
  tier: row.tier,
  ownership: row.ownership,
  ownerId: row.owner_id as PrincipalId | null,
  previousOwnerId: row.previous_owner_id as PrincipalId | null,
  since: row.ownership_since,
  archivedAt: row.lifecycle === 'archived' ? row.archived_at : null,
})

/**
 * The standing of one account now, or `null` if it has not been opened.
 * @category queries
 * @since 0.1.0
 */
export const currentOwner = async (db: Kysely<Tables>, accountId: string): Promise<E.Either<InvalidQueryError, AccountStanding | null>> => {
  const id = accountIdArgument('accountId', accountId)
  if (E.isLeft(id)) return id
  const row = await db.selectFrom('current_owners').selectAll().where('account_id', '=', id.right).executeTakeFirst()
  return E.right(row === undefined ? null : standingOf(row))
}

/**
 * The open accounts an owner holds now — their book of business (Kundenstamm).
 * @category queries
 * @since 0.1.0
 */
export const bookOfBusiness = async (db: Kysely<Tables>, ownerId: string): Promise<E.Either<InvalidQueryError, ReadonlyArray<AccountStanding>>> => {
  const id = principalIdArgument('ownerId', ownerId)
  if (E.isLeft(id)) return id
  const rows = await db
    .selectFrom('current_owners')
    .selectAll()
    .where('owner_id', '=', id.right)
    .where('lifecycle', '=', 'open')
    .orderBy('account_id')
    .execute()
  return E.right(rows.map(standingOf))
}

/**
 * Open accounts without an owner because the owner left or was removed (verwaiste Konten).
 * @category queries
 * @since 0.1.0
 */
export const orphanedAccounts = async (db: Kysely<Tables>): Promise<ReadonlyArray<AccountStanding>> =>
  (await db.selectFrom('current_owners').selectAll().where('ownership', '=', 'orphaned').where('lifecycle', '=', 'open').orderBy('account_id').execute()).map(standingOf)

/**
 * Archived accounts, most recently archived first.
 * @category queries
 * @since 0.1.0
 */
export const archivedAccounts = async (db: Kysely<Tables>): Promise<ReadonlyArray<AccountStanding>> =>
  (await db.selectFrom('current_owners').selectAll().where('lifecycle', '=', 'archived').orderBy('archived_at', 'desc').orderBy('account_id').execute()).map(standingOf)
