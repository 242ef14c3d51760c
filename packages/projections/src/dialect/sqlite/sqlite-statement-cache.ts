/**
 * Prepared statements kept per SQL text for Kysely's `SqliteDialect`. Kysely prepares every
 * query anew; better-sqlite3 frees a statement only when the garbage collector gets to it, and
 * its native memory does not urge the collector, so a rebuild of a million events grew the
 * process by gigabytes. Reusing the statement of the same SQL keeps memory flat and saves the
 * preparing. A statement still being iterated is never handed out twice.
 *
 * @module
 */
import type Database from 'better-sqlite3'
import type { SqliteDatabase } from 'kysely'

const capacity = 256

/**
 * A `SqliteDatabase` for Kysely over `database` that reuses prepared statements.
 * @category dialects
 * @since 0.1.0
 */
export const cachingStatements = (database: Database.Database): SqliteDatabase => {
  const statements = new Map<string, Database.Statement>()
  return {
    close: () => database.close(),
    prepare(sql) {
      const cached = statements.get(sql)
      if (cached !== undefined && !cached.busy) return cached
      const statement = database.prepare(sql)
      if (cached === undefined) {
        // Queries with a variable number of parameters (multi-row inserts) would grow the map
        // without bound; the oldest statement makes room.
        if (statements.size >= capacity) statements.delete(statements.keys().next().value!)
        statements.set(sql, statement)
      }
      return statement
    },
  }
}
