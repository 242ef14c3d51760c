/**
 * The offboardings projection: one row per `PrincipalOffboarded`.
 *
 * @module
 */
import { defineProjection, insertRows, type BatchRow } from '@account-ownership/projections'
import { createPrincipalOffboardingsTable, type PrincipalOffboardingTable } from './principal-offboardings.table.js'

type Tables = { readonly principal_offboardings: PrincipalOffboardingTable }

/**
 * The projection of the `principal_offboardings` table.
 * @category projections
 * @since 0.3.0
 */
export const principalOffboardingsProjection = defineProjection<Tables, 'PrincipalOffboarded'>({
  name: 'principal-offboardings',
  version: 1,
  handles: ['PrincipalOffboarded'],
  tables: ['principal_offboardings'],
  createTables: createPrincipalOffboardingsTable,
  async load(_events, tx) {
    const rows: BatchRow<PrincipalOffboardingTable>[] = []
    return {
      apply(event) {
        rows.push({ principal_id: event.data.principalId, offboarded_at: event.metadata.occurredAt, successor_id: event.data.successorId, position: event.metadata.globalPosition.toString() })
      },
      save: () => insertRows(tx, 'principal_offboardings', rows),
    }
  },
})
