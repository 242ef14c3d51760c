/**
 * Durability of the PostgreSQL log (Dauerhaftigkeit): nothing leaves the store — no acknowledged
 * append, no event a reader is handed — that a crash of the server could still take back.
 *
 * Why this needs saying: an append commits with `synchronous_commit = off` and waits for the WAL
 * flush only afterwards (its barrier, see `statementsOf`), so that the head row which orders
 * commits is free while the disk syncs and the flushes of several writers coalesce. Between its
 * COMMIT and that flush, other sessions already see its events; a crash then removes them, and
 * their positions are handed out again to other events. A projection that had applied them would
 * keep a checkpoint past — or at — a position that now holds something else: a read model that lies.
 *
 * The argument, in four steps:
 * 1. WAL is flushed as a prefix: a flush through LSN x makes every commit record before x durable.
 * 2. A transaction whose rows a query sees had inserted its commit record before that query's
 *    snapshot was taken; any WAL written after the query — on any connection — lies after it. So
 *    the barrier — a statement that writes WAL (`pg_logical_emit_message`, transactional, so it
 *    has a transaction id and a commit record) and commits at the session's `synchronous_commit`
 *    — makes durable everything read before it started. A commit that wrote no WAL (e.g.
 *    `pg_current_xact_id()` alone) waits for no flush, hence the message. Where the flush already
 *    reaches the insert position (read after the snapshot, so past every commit record the
 *    snapshot sees), everything is durable without it: both the append's barrier and the guard
 *    write the message only where WAL still waits.
 * 3. Positions are taken under the head row's lock and the lock is released by the commit, so the
 *    commit records of positions 1…n lie in WAL in position order: durable positions are always a
 *    prefix of the log, and a crash leaves the positions contiguous.
 * 4. Hence a per-store mark `durableThrough`: every position at or below it is durable. A writer's
 *    acknowledged append raises it to its last position (its barrier flushed its own commit and,
 *    by 3, every position before). A read whose highest position lies above the mark runs the
 *    guard (`durableHead`): it reads the head and, only where WAL is waiting to be flushed, writes
 *    the barrier's message, in one statement; by 2 the flush covers the rows already read and
 *    every position up to the head it read, so the mark moves to that head.
 *
 * The guarantee is the session's own: a pool whose sessions run with `synchronous_commit = off`
 * gives it up for writers and readers alike, as plain PostgreSQL does.
 *
 * @module
 */
import type pg from 'pg'
import type { PostgresStatements } from './postgres-statements.js'

/**
 * The highest position known to be durable, and how to make a position durable; driver failures
 * are thrown for the caller to map.
 * @category store
 * @since 0.3.0
 */
export interface DurableMark {
  /** Every position at or below this one is durable. */
  readonly through: () => bigint
  /** An acknowledged append made everything through `position` durable. */
  readonly raise: (position: bigint) => void
  /**
   * Resolves once every position through `position` is durable (at once where the mark says so);
   * on `client` where the caller holds one (a pool of one connection has no other to give).
   */
  readonly ensure: (position: bigint, client?: pg.ClientBase) => Promise<void>
  /** Make the whole log durable as far as it is visible now, and answer its head. */
  readonly durableHead: (client?: pg.ClientBase) => Promise<bigint>
}

/**
 * A mark for one store, starting at nothing known.
 * @category store
 * @since 0.3.0
 */
export const durableMark = (pool: pg.Pool, sql: PostgresStatements): DurableMark => {
  let through = 0n
  const raise = (position: bigint) => {
    if (position > through) through = position
  }
  const durableHead = async (client?: pg.ClientBase) => {
    const { rows } = await (client ?? pool).query<{ p: string }>(sql.durableHead)
    const head = BigInt(rows[0]?.p ?? '0')
    raise(head)
    return head
  }
  return {
    through: () => through,
    raise,
    ensure: async (position, client) => {
      if (position > through) await durableHead(client)
    },
    durableHead,
  }
}
