// A read-model query with Kysely across your table and the library's: the open key accounts
// (Schlüsselkunden) whose team is smaller than a minimum — the ones a sales director looks at
// first when someone leaves. Arguments are checked first; a database failure is a value too.
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import type { ReadModels } from '@account-ownership/projections'
import type { Kysely } from 'kysely'
import type { TeamSizeTables } from './team-size.projection.js'

/** A key account with too small a team. */
export interface ThinKeyAccount {
  readonly accountId: string
  readonly displayName: string
  readonly ownerId: string | null
  readonly teamSize: number
}

/** Why the query gave no answer: a bad argument (named, its value not repeated) or the database. */
export type ThinKeyAccountsError =
  | { readonly _tag: 'InvalidQueryError'; readonly field: string; readonly message: string }
  | { readonly _tag: 'ReadModelUnavailableError'; readonly message: string }

/** The open key accounts whose team is smaller than `minimumTeamSize`, by account id. */
export const thinKeyAccounts = (db: Kysely<ReadModels & TeamSizeTables>, minimumTeamSize: number): Promise<E.Either<ThinKeyAccountsError, ReadonlyArray<ThinKeyAccount>>> => {
  if (!Number.isSafeInteger(minimumTeamSize) || minimumTeamSize < 0) {
    return Promise.resolve(E.left({ _tag: 'InvalidQueryError', field: 'minimumTeamSize', message: 'minimumTeamSize: expected a whole number >= 0' }))
  }
  const query = db
    .selectFrom('current_owners as o')
    .innerJoin('team_sizes as t', 't.account_id', 'o.account_id')
    .select(['o.account_id', 'o.display_name', 'o.owner_id', 't.team_size'])
    .where('o.tier', '=', 'key')
    .where('o.lifecycle', '=', 'open')
    .where('t.team_size', '<', minimumTeamSize)
    .orderBy('o.account_id')
  return TE.tryCatch(
    async () => (await query.execute()).map((r) => ({ accountId: r.account_id, displayName: r.display_name, ownerId: r.owner_id, teamSize: r.team_size })),
    (e): ThinKeyAccountsError => ({ _tag: 'ReadModelUnavailableError', message: `team_sizes, current_owners: ${e instanceof Error ? e.message : String(e)}` }),
  )()
}
