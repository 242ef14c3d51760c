/**
 * @account-ownership/store-postgres — the PostgreSQL event store of account ownership
 * (Kundenverantwortung): many writer processes on one database (pg), a global order readers can
 * trust.
 *
 * @module
 */
export {
  openPostgresEventStore,
  type PostgresEventStore,
  type PostgresEventStoreOptions,
  type PostgresEventStoreSettings,
  type PostgresOpenError,
} from './postgres-event-store.js'
export { defaultSchema, type PostgresConnectionOptions } from './postgres-connection.js'
export { PostgresSchemaError, isPostgresFailure, sqlStateOf, storeErrorOfPostgres } from './postgres-errors.js'
export { knownSchemaVersion } from './postgres-schema.js'
export { defaultListenHeartbeat, listenBackoff, subscribeToChannel, type ListenHeartbeat, type Unsubscribe } from './postgres-commit-notifications.js'
