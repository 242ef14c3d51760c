/**
 * The projections of this package's read models, in one list to hand to a runtime.
 *
 * @module
 */
import { accessProjection } from './access/access.projection.js'
import { currentOwnerProjection } from './current-owner/current-owner.projection.js'
import { kpiProjection } from './kpis/kpi.projection.js'
import { ownershipHistoryProjection } from './ownership-history/ownership-history.projection.js'
import type { ReadModels } from './database.js'
import type { Projection } from './runtime/projection.js'

/**
 * Current owner, ownership history, access and KPIs.
 * @category projections
 * @since 0.1.0
 */
export const readModelProjections: ReadonlyArray<Projection<ReadModels>> = [currentOwnerProjection, ownershipHistoryProjection, accessProjection, kpiProjection]
