/**
 * @account-ownership/store-sqlite/testing — for tests that play someone who changes the log file
 * behind the store's back (tamper evidence, corrupt rows).
 *
 * @module
 */
import type Database from 'better-sqlite3'

/**
 * Drop the triggers that keep `ao_events` append-only, as anyone holding the file can: after
 * this, `UPDATE` and `DELETE` of recorded events go through, and only the hash chain, a seal or a
 * signed tree head can tell.
 * @category testing
 * @since 0.3.0
 * @example
 * removeAppendOnlyTriggers(db)
 * db.prepare('DELETE FROM ao_events WHERE global_position = 4').run()
 */
export const removeAppendOnlyTriggers = (db: Database.Database): void => {
  db.exec('DROP TRIGGER IF EXISTS ao_events_no_update; DROP TRIGGER IF EXISTS ao_events_no_delete')
}
