/**
 * A projection (Projektion) — how one read model follows the log: which events it handles and
 * what each does to its tables inside the runtime's transaction. The runtime owns transactions
 * and checkpoints; a projection only writes rows, and reads time only from the event.
 *
 * @module
 */
import type { DomainEvent, DomainEventType, RecordedEvent } from '@account-ownership/core'
import type { Kysely, Transaction } from 'kysely'

/**
 * A recorded event of one of the given types.
 * @category runtime
 * @since 0.1.0
 */
export type RecordedOf<T extends DomainEventType> = RecordedEvent<Extract<DomainEvent, { readonly type: T }>>

/**
 * A read model's projection: bump `version` whenever `apply` or the tables change, and the
 * runtime rebuilds it from zero.
 * @category runtime
 * @since 0.1.0
 */
export interface Projection<DB = any, T extends DomainEventType = DomainEventType> {
  /** Unique within a database; names the checkpoint. */
  readonly name: string
  readonly version: number
  /** The event types `apply` is called with; others move the checkpoint only. */
  readonly handles: ReadonlyArray<T>
  /** The tables this projection owns; dropped when it is rebuilt. */
  readonly tables: ReadonlyArray<string>
  /** Create the tables (and indexes) if they do not exist. */
  createTables(db: Kysely<any>): Promise<void>
  /** Apply one event inside the batch's transaction; throw to roll the batch back. */
  apply(event: RecordedOf<T>, tx: Transaction<DB>): Promise<void>
}

/**
 * A projection with its handled event types inferred from `handles`.
 * @category runtime
 * @since 0.1.0
 * @example
 * const counter = defineProjection<MyTables, 'AccountOpened'>({ name: 'opened', version: 1, handles: ['AccountOpened'], … })
 */
export const defineProjection = <DB, T extends DomainEventType>(projection: Projection<DB, T>): Projection<DB, T> => projection
