/**
 * The SQL texts of the batch statements (the multi-row writes, the loads), each built and
 * compiled by Kysely once per shape and kept for the batches after. They are kept per dialect
 * adapter and per the plugins in effect: a transaction shares its database's adapter and plugins,
 * so each batch finds what the one before compiled; a database seen through `withSchema` or
 * `withPlugin` shares the adapter but compiles to other SQL (another schema's tables), and must
 * not be handed that of the database it came from.
 *
 * @module
 */
import { leastRecentlyUsed, type LeastRecentlyUsed } from '@account-ownership/core'
import type { DialectAdapter, Kysely, KyselyPlugin } from 'kysely'

const shapesKept = 512
const pluginSetsKept = 64

// Plugins by identity: two `withSchema` views of one database carry two plugins alike in all but that.
const pluginIds = new WeakMap<KyselyPlugin, number>()
let lastPluginId = 0
const idOf = (plugin: KyselyPlugin): number => {
  let id = pluginIds.get(plugin)
  if (id === undefined) pluginIds.set(plugin, (id = ++lastPluginId))
  return id
}

const byAdapter = new WeakMap<DialectAdapter, LeastRecentlyUsed<string, LeastRecentlyUsed<string, string>>>()

/**
 * The compiled SQL texts, by shape, of statements on `db` as it is seen: its dialect and plugins.
 * @category runtime
 * @since 0.4.0
 */
export const compiledSqlOf = (db: Kysely<any>): LeastRecentlyUsed<string, string> => {
  const { adapter, plugins } = db.getExecutor()
  const pluginSet = plugins.map(idOf).join(',')
  let sets = byAdapter.get(adapter)
  if (sets === undefined) byAdapter.set(adapter, (sets = leastRecentlyUsed(pluginSetsKept)))
  let shapes = sets.get(pluginSet)
  if (shapes === undefined) sets.set(pluginSet, (shapes = leastRecentlyUsed(shapesKept)))
  return shapes
}
