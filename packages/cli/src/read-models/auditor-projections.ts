/**
 * The read models (Lesemodelle) the CLI answers from, by the names `rebuild` takes: current
 * owner, ownership history, access, KPIs (projections package) and the DSGVO audit tables.
 *
 * @module
 */
import { readModelProjections, type Projection, type ReadModels } from '@account-ownership/projections'
import { auditProjection, type AuditTables } from '@account-ownership/dsgvo'
import * as E from 'fp-ts/lib/Either.js'
import { UsageError } from '../exit-code.js'

/**
 * Every table the CLI's read-model database holds.
 * @category read models
 * @since 0.2.0
 */
export type AuditorTables = ReadModels & AuditTables

/**
 * Every projection the CLI keeps, in the order they run.
 * @category read models
 * @since 0.2.0
 */
export const auditorProjections: ReadonlyArray<Projection<AuditorTables>> = [...readModelProjections, auditProjection()]

/**
 * The names `rebuild` accepts: each projection's name, and `all`.
 * @category read models
 * @since 0.2.0
 */
export const projectionNames: ReadonlyArray<string> = [...auditorProjections.map((p) => p.name), 'all']

/**
 * The projections a name selects, or a usage error listing the names there are.
 * @category read models
 * @since 0.2.0
 */
export const projectionsNamed = (name: string): E.Either<UsageError, ReadonlyArray<Projection<AuditorTables>>> => {
  if (name === 'all') return E.right(auditorProjections)
  const found = auditorProjections.filter((p) => p.name === name)
  return found.length > 0 ? E.right(found) : E.left(new UsageError('projection', `unknown; expected one of ${projectionNames.join(', ')}`))
}
