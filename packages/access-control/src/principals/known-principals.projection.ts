/**
 * The known principals projection: every principal an ownership, team, grant or offboarding
 * event names, inserted once.
 *
 * @module
 */
import type { DomainEventType } from '@account-ownership/core'
import { defineProjection, insertRows, type RecordedOf } from '@account-ownership/projections'
import { createKnownPrincipalsTable, type KnownPrincipalTable } from './known-principals.table.js'

type Tables = { readonly known_principals: KnownPrincipalTable }
type Handled = 'AccountOpened' | 'OwnershipAssigned' | 'OwnershipTransferred' | 'TeamMemberAdded' | 'AccessGranted' | 'PrincipalOffboarded'

const named = (event: RecordedOf<Handled>): ReadonlyArray<string> => {
  switch (event.type) {
    case 'AccountOpened':
      return [event.data.openedBy]
    case 'OwnershipAssigned':
      return [event.data.ownerId, event.data.assignedBy]
    case 'OwnershipTransferred':
      return [event.data.fromOwnerId, event.data.toOwnerId, event.data.transferredBy]
    case 'TeamMemberAdded':
      return [event.data.principalId, event.data.addedBy]
    case 'AccessGranted':
      return [event.data.granteeId, event.data.grantedBy]
    case 'PrincipalOffboarded':
      return [event.data.principalId, event.data.offboardedBy]
  }
}

/**
 * The projection of the `known_principals` table.
 * @category projections
 * @since 0.3.0
 */
export const knownPrincipalsProjection = defineProjection<Tables, Handled>({
  name: 'known-principals',
  version: 1,
  handles: ['AccountOpened', 'OwnershipAssigned', 'OwnershipTransferred', 'TeamMemberAdded', 'AccessGranted', 'PrincipalOffboarded'] satisfies ReadonlyArray<DomainEventType>,
  tables: ['known_principals'],
  createTables: createKnownPrincipalsTable,
  async load(events, tx) {
    const ids = [...new Set(events.flatMap(named))]
    const known = new Set((await tx.selectFrom('known_principals').select('principal_id').where('principal_id', 'in', ids).execute()).map((row) => row.principal_id))
    const rows: KnownPrincipalTable[] = []
    return {
      apply(event) {
        for (const principalId of named(event)) {
          if (known.has(principalId)) continue
          known.add(principalId)
          rows.push({ principal_id: principalId, first_seen_at: event.metadata.occurredAt })
        }
      },
      save: () => insertRows(tx, 'known_principals', rows),
    }
  },
})
