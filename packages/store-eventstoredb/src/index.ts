/**
 * @account-ownership/store-eventstoredb — the event store of account ownership
 * (Kundenverantwortung) on an EventStoreDB/KurrentDB cluster, through `@eventstore/db-client`.
 *
 * @module
 */
export { openEventStoreDbEventStore } from './eventstoredb-event-store.js'
export { defaultStreamPrefixes, type EventStoreDbEventStoreOptions } from './eventstoredb-options.js'
export { connectEventStoreDb, defaultReadTimeoutMs, eventStoreDbDriver } from './eventstoredb-client.js'
export type { CatchUpMessage, CatchUpWindow, EventStoreDbDriver, LogFilter, LogPosition, ProposedRecord, ReadWindow, ServerRecord, ServerRevision } from './eventstoredb-driver.js'
export { actualVersionOf, concurrencyErrorOf, isStreamNotFound, isWrongExpectedVersion, storeErrorOfEventStoreDb } from './eventstoredb-errors.js'
export { streamNaming, type StreamNaming } from './eventstoredb-naming.js'
export { globalPositionOf, maxOffset, readStartOf } from './eventstoredb-position.js'
export { proposalOf, storedEventOf, type ChainedEnvelope, type ChainedRow } from './eventstoredb-record.js'
