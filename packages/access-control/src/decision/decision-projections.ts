/**
 * The projections of this package's tables that `authorize` reads, in one list to hand to a
 * runtime beside the projections package's read models.
 *
 * @module
 */
import type { Projection } from '@account-ownership/projections'
import { principalOffboardingsProjection } from '../offboardings/principal-offboardings.projection.js'
import { knownPrincipalsProjection } from '../principals/known-principals.projection.js'
import type { DecisionTables } from './access-facts.js'

/**
 * The offboardings and the known principals.
 * @category projections
 * @since 0.3.0
 * @example
 * projectionRuntime({ store, db, projections: [...readModelProjections, ...decisionProjections] })
 */
export const decisionProjections: ReadonlyArray<Projection<DecisionTables>> = [principalOffboardingsProjection, knownPrincipalsProjection]
