// The detectors run over a store's log into a SQLite file, as an application runs them.
import { accessDetectorsProjection, alerts, defaultDetectorSettings, principalOffboardingsProjection, type AccessAlert, type DecisionTables, type DetectorSettings, type DetectorTables } from '@account-ownership/access-control'
import type { EventStore } from '@account-ownership/core'
import { projectionRuntime, type ProjectionRuntimeConfig } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'

export type WatchTables = DetectorTables & Pick<DecisionTables, 'principal_offboardings'>

export const detectorDatabase = (file: string): Kysely<WatchTables> => sqliteReadModels<WatchTables>(file)

export const watch = async (
  store: EventStore,
  db: Kysely<WatchTables>,
  settings: DetectorSettings = defaultDetectorSettings,
  more: Partial<ProjectionRuntimeConfig<WatchTables>> = {},
): Promise<ReadonlyArray<AccessAlert>> => {
  const ran = await projectionRuntime({ store, db, projections: [principalOffboardingsProjection, accessDetectorsProjection(settings)], ...more }).runUntilCaughtUp()
  if (E.isLeft(ran)) throw ran.left
  const raised = await alerts(db, { from: '0000-01-01T00:00:00Z', to: '9999-12-31T23:59:59Z' })
  if (E.isLeft(raised)) throw new Error(raised.left.message)
  return [...raised.right].sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : a.alertId < b.alertId ? -1 : 1))
}
