/**
 * A projection (Projektion) — how one read model follows the log: which events it handles and
 * what they do to its tables inside the runtime's transaction. The runtime owns transactions
 * and checkpoints; a projection only writes rows, and reads time only from the event.
 *
 * A projection folds a slice of a batch at once (the runtime's `sliceSize`, 100 events by
 * default; a batch of several slices is still one transaction): `load` reads the rows the slice's
 * events touch (a few queries per table, not one per event), the returned fold applies each event
 * in memory and in order, and `save` writes the changed rows back with a few multi-row statements.
 * The runtime calls `apply` once per event, so a failing event is named by its position.
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
 * One slice of a batch of a projection in memory, between `load` and `save`.
 * @category runtime
 * @since 0.1.0
 */
export interface BatchFold<T extends DomainEventType = DomainEventType> {
  /** Apply one event of the batch, in log order, to the rows in memory; throw to roll the batch back. */
  apply(event: RecordedOf<T>): void
  /**
   * Read what the next slice of the same batch touches, before its events are applied; with it,
   * the runtime keeps one fold for a whole batch and calls `save` once, so each row is written
   * once per batch however many slices touched it. Without it, each slice is saved on its own.
   * @since 0.3.0
   */
  more?(events: ReadonlyArray<RecordedOf<T>>): Promise<void>
  /** Write the rows the batch changed, inside the batch's transaction. */
  save(): Promise<void>
}

/**
 * A read model's projection: bump `version` whenever what it writes or its tables change, and
 * the runtime rebuilds it from zero. `Projection<DB>` is a projection of any event types, as a
 * list of projections for one runtime holds them (the runtime hands each only what it handles).
 * Type `DB` with the projection's own tables only: it then runs on any database that has them.
 * @category runtime
 * @since 0.1.0
 */
export interface Projection<DB = any, T extends DomainEventType = any> {
  /** Unique within a database; names the checkpoint. */
  readonly name: string
  readonly version: number
  /** The event types a batch is folded with; others move the checkpoint only. */
  readonly handles: ReadonlyArray<T>
  /** The tables this projection owns; dropped when it is rebuilt. */
  readonly tables: ReadonlyArray<string>
  /** Create the tables (and indexes) if they do not exist. */
  createTables(db: Kysely<any>): Promise<void>
  /**
   * Read what the handled events of one batch touch, inside the batch's transaction, and return
   * the fold that applies them. Called only for a non-empty batch.
   */
  load(events: ReadonlyArray<RecordedOf<T>>, tx: Transaction<DB>): Promise<BatchFold<T>>
}

/**
 * A projection with its handled event types inferred from `handles`.
 * @category runtime
 * @since 0.1.0
 * @example
 * const counter = defineProjection<MyTables, 'AccountOpened'>({ name: 'opened', version: 1, handles: ['AccountOpened'], … })
 */
export const defineProjection = <DB, T extends DomainEventType>(projection: Projection<DB, T>): Projection<DB, T> => projection
