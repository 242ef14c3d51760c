/**
 * Moving a log between stores (Umzug des Ereignisprotokolls): SQLite to PostgreSQL when a team
 * outgrows one file, and back for an auditor's offline copy. Every stored row is copied as it is
 * — event id, stream version, global position, business and recorded time, metadata, chain hash —
 * in batches the target imports all or nothing and checks link by link. A copy that was killed
 * resumes from the target's head, after checking that the target's last row is the source's row
 * at that position. At the end the copy is verified: the same number of rows, every field equal,
 * every hash recomputed from the copied bytes.

 * A store whose positions leave gaps (`positions: 'increasing'`, EventStoreDB) cannot take another
 * store's positions, and another store must not take its gaps: between such stores the target
 * gives every row a position of its own — the next of a contiguous log, the server's on
 * EventStoreDB — and everything else is kept. The order is kept instead of the numbers: the copy
 * resumes after the source's event that the target holds last, and is verified row by row in
 * order, every field but the position equal, every target position after the one before.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { TaggedError } from '../tagged-error.js'
import type { EventStore } from './event-store.js'
import type { ImportError, ImportingEventStore } from './stored-import.js'
import { isStoreError, type ReadError } from './store-errors.js'
import type { StoredEvent } from './stored-event.js'
import type { StreamId } from './stream-id.js'
import { checkLink } from './verified-read.js'

/**
 * The target is not (or no longer) a copy of the source at `globalPosition`; `field` names what differs.
 * @category errors
 * @since 0.2.0
 */
export class CopyMismatchError extends TaggedError('CopyMismatchError') {
  readonly globalPosition: bigint
  readonly field: string
  constructor(globalPosition: bigint, field: string, reason: string) {
    super(`the copy differs from the source at position ${globalPosition} (${field}): ${reason}`)
    this.globalPosition = globalPosition
    this.field = field
  }
}

/**
 * Why a copy stopped; what it imported before stays, and a new `copyLog` resumes after it.
 * @category errors
 * @since 0.2.0
 */
export type CopyLogError = ReadError | ImportError | CopyMismatchError

/**
 * What to copy where.
 * @category store
 * @since 0.2.0
 */
export interface CopyLogOptions {
  readonly from: EventStore
  readonly to: ImportingEventStore
  /** Rows per import; 500 by default. */
  readonly batchSize?: number
  /** Called after each imported batch with the source's position of its last row and the source's head at the start. */
  readonly onProgress?: (copiedTo: bigint, sourceHead: bigint) => void
}

/**
 * What a copy did and checked.
 * @category store
 * @since 0.2.0
 */
export interface CopyReport {
  /**
   * The source's position after which this run copied: 0n for a fresh copy, more where it
   * resumed (where positions are kept, the target's head when the copy began).
   */
  readonly resumedFrom: bigint
  /** Rows imported by this run. */
  readonly copied: number
  /** The source's head at the start: everything up to it is in the target. */
  readonly head: bigint
  /** Rows compared field by field and re-hashed in the target at the end. */
  readonly verified: number
}

const compared = ['eventId', 'streamId', 'streamVersion', 'type', 'schemaVersion', 'data', 'metadata', 'recordedAt', 'hash'] as const

// Whether the target holds each row at the source's position: only between two contiguous logs.
const keepsPositions = (from: EventStore, to: EventStore): boolean => (from.positions ?? 'contiguous') === 'contiguous' && (to.positions ?? 'contiguous') === 'contiguous'

const differs = (source: StoredEvent, target: StoredEvent | undefined, samePositions: boolean): CopyMismatchError | undefined => {
  if (target === undefined) return new CopyMismatchError(source.globalPosition, 'globalPosition', 'missing in the target')
  if (samePositions && target.globalPosition !== source.globalPosition) return new CopyMismatchError(source.globalPosition, 'globalPosition', `the target has ${target.globalPosition} there`)
  const field = compared.find((f) => source[f] !== target[f])
  return field === undefined ? undefined : new CopyMismatchError(source.globalPosition, field, 'differs')
}

// Every row of both logs up to `head`, side by side in order, with each target row's link re-hashed.
const verify = async (from: EventStore, to: EventStore, head: bigint, samePositions: boolean): Promise<E.Either<CopyMismatchError | ReadError, number>> => {
  const targets = to.readStoredAll(samePositions ? { toPosition: head } : {})[Symbol.asyncIterator]()
  let verified = 0
  let lastTarget = 0n
  for await (const source of from.readStoredAll({ toPosition: head })) {
    const next = await targets.next()
    const target = next.done === true ? undefined : next.value
    const mismatch = differs(source, target, samePositions)
    if (mismatch !== undefined) return E.left(mismatch)
    if (target!.globalPosition <= lastTarget) return E.left(new CopyMismatchError(source.globalPosition, 'globalPosition', `out of order in the target (${target!.globalPosition} after ${lastTarget})`))
    const linked = checkLink(target!)
    if (E.isLeft(linked)) return linked
    lastTarget = target!.globalPosition
    verified++
  }
  const extra = await targets.next()
  return extra.done === true ? E.right(verified) : E.left(new CopyMismatchError(extra.value.globalPosition, 'globalPosition', 'the target holds a row the source has not'))
}

const lastRow = async (store: EventStore, position: bigint): Promise<StoredEvent | undefined> => {
  for await (const row of store.readStoredAll({ fromPosition: position, toPosition: position })) return row
  return undefined
}

// The source position after which to copy: the target's head where positions are kept; else the
// source's position of the event the target holds last, found by its stream and version.
const resumePoint = async (from: EventStore, to: EventStore, targetHead: bigint, samePositions: boolean): Promise<E.Either<CopyMismatchError, bigint>> => {
  if (targetHead === 0n) return E.right(0n)
  const last = await lastRow(to, targetHead)
  if (samePositions || last === undefined) {
    const mismatch = differs((await lastRow(from, targetHead)) ?? ({ globalPosition: targetHead } as StoredEvent), last, true)
    return mismatch === undefined ? E.right(targetHead) : E.left(mismatch)
  }
  let position: bigint | undefined
  for await (const event of from.readStream(last.streamId as StreamId, { from: last.streamVersion, to: last.streamVersion })) position = event.metadata.globalPosition
  if (position === undefined) return E.left(new CopyMismatchError(targetHead, 'streamVersion', `the target's last event (${last.streamId} version ${last.streamVersion}) is not in the source`))
  const mismatch = differs((await lastRow(from, position))!, last, false)
  return mismatch === undefined ? E.right(position) : E.left(mismatch)
}

/**
 * Copy every event of `from` into `to`, resuming after what `to` already holds, and verify the copy.
 * @category store
 * @since 0.2.0
 * @example
 * const copied = await copyLog({ from: sqliteStore, to: postgresStore })
 * if (E.isLeft(copied)) console.error(copied.left.message) // run it again to resume
 * else console.log(`${copied.right.verified} events verified`)
 */
export const copyLog = async (options: CopyLogOptions): Promise<E.Either<CopyLogError, CopyReport>> => {
  const { from, to } = options
  try {
    const sourceHead = await from.headPosition()
    if (E.isLeft(sourceHead)) return sourceHead
    const targetHead = await to.headPosition()
    if (E.isLeft(targetHead)) return targetHead
    const head = sourceHead.right
    const samePositions = keepsPositions(from, to)
    const resumed = await resumePoint(from, to, targetHead.right, samePositions)
    if (E.isLeft(resumed)) return resumed
    const resumedFrom = resumed.right
    if (resumedFrom > head) return E.left(new CopyMismatchError(resumedFrom, 'globalPosition', `the target is ahead of the source (${head})`))
    const batchSize = options.batchSize ?? 500
    // A contiguous target of a source with gaps numbers the rows on from its own head.
    let nextPosition = (to.positions ?? 'contiguous') === 'contiguous' && !samePositions ? targetHead.right + 1n : undefined
    let batch: StoredEvent[] = []
    let copied = 0
    const flush = async (): Promise<E.Either<ImportError, void>> => {
      if (batch.length === 0) return E.right(undefined)
      const imported = await to.importStored(nextPosition === undefined ? batch : batch.map((row) => ({ ...row, globalPosition: nextPosition!++ })))
      if (E.isLeft(imported)) return imported
      copied += batch.length
      options.onProgress?.(batch[batch.length - 1]!.globalPosition, head)
      batch = []
      return E.right(undefined)
    }
    for await (const row of from.readStoredAll({ fromPosition: resumedFrom + 1n, toPosition: head, batchSize })) {
      batch.push(row)
      if (batch.length < batchSize) continue
      const flushed = await flush()
      if (E.isLeft(flushed)) return flushed
    }
    const flushed = await flush()
    if (E.isLeft(flushed)) return flushed
    const verified = await verify(from, to, head, samePositions)
    return E.isLeft(verified) ? verified : E.right({ resumedFrom, copied, head, verified: verified.right })
  } catch (e) {
    // Reads reject with the store's errors; anything else is a bug and keeps travelling.
    if (isStoreError(e)) return E.left(e as ReadError)
    throw e
  }
}
