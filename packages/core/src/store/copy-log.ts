/**
 * Moving a log between stores (Umzug des Ereignisprotokolls): SQLite to PostgreSQL when a team
 * outgrows one file, and back for an auditor's offline copy. Every stored row is copied as it is
 * — event id, stream version, global position, business and recorded time, metadata, chain hash —
 * in batches the target imports all or nothing and checks link by link. A copy that was killed
 * resumes from the target's head, after checking that the target's last row is the source's row
 * at that position. At the end the copy is verified: the same number of rows, every field equal,
 * every hash recomputed from the copied bytes.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { TaggedError } from '../tagged-error.js'
import type { EventStore } from './event-store.js'
import type { ImportError, ImportingEventStore } from './stored-import.js'
import { isStoreError, type ReadError } from './store-errors.js'
import type { StoredEvent } from './stored-event.js'
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
  /** Called after each imported batch with the target's head and the source's head at the start. */
  readonly onProgress?: (copiedTo: bigint, sourceHead: bigint) => void
}

/**
 * What a copy did and checked.
 * @category store
 * @since 0.2.0
 */
export interface CopyReport {
  /** The target's head when the copy began: 0n for a fresh copy, more where it resumed. */
  readonly resumedFrom: bigint
  /** Rows imported by this run. */
  readonly copied: number
  /** The source's head at the start: everything up to it is in the target. */
  readonly head: bigint
  /** Rows compared field by field and re-hashed in the target at the end. */
  readonly verified: number
}

const compared = ['eventId', 'streamId', 'streamVersion', 'type', 'schemaVersion', 'data', 'metadata', 'recordedAt', 'hash'] as const

const differs = (source: StoredEvent, target: StoredEvent | undefined): CopyMismatchError | undefined => {
  if (target === undefined) return new CopyMismatchError(source.globalPosition, 'globalPosition', 'missing in the target')
  if (target.globalPosition !== source.globalPosition) return new CopyMismatchError(source.globalPosition, 'globalPosition', `the target has ${target.globalPosition} there`)
  const field = compared.find((f) => source[f] !== target[f])
  return field === undefined ? undefined : new CopyMismatchError(source.globalPosition, field, 'differs')
}

// Every row of both logs up to `head`, side by side, with each target row's link re-hashed.
const verify = async (from: EventStore, to: EventStore, head: bigint): Promise<E.Either<CopyMismatchError | ReadError, number>> => {
  const targets = to.readStoredAll({ toPosition: head })[Symbol.asyncIterator]()
  let verified = 0
  for await (const source of from.readStoredAll({ toPosition: head })) {
    const next = await targets.next()
    const target = next.done === true ? undefined : next.value
    const mismatch = differs(source, target)
    if (mismatch !== undefined) return E.left(mismatch)
    const linked = checkLink(target!)
    if (E.isLeft(linked)) return linked
    verified++
  }
  const extra = await targets.next()
  return extra.done === true ? E.right(verified) : E.left(new CopyMismatchError(extra.value.globalPosition, 'globalPosition', 'the target holds a row the source has not'))
}

const lastRow = async (store: EventStore, position: bigint): Promise<StoredEvent | undefined> => {
  for await (const row of store.readStoredAll({ fromPosition: position, toPosition: position })) return row
  return undefined
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
    const resumedFrom = targetHead.right
    if (resumedFrom > head) return E.left(new CopyMismatchError(resumedFrom, 'globalPosition', `the target is ahead of the source (${head})`))
    if (resumedFrom > 0n) {
      const mismatch = differs((await lastRow(from, resumedFrom)) ?? { globalPosition: resumedFrom } as StoredEvent, await lastRow(to, resumedFrom))
      if (mismatch !== undefined) return E.left(mismatch)
    }
    const batchSize = options.batchSize ?? 500
    let batch: StoredEvent[] = []
    let copied = 0
    const flush = async (): Promise<E.Either<ImportError, void>> => {
      if (batch.length === 0) return E.right(undefined)
      const imported = await to.importStored(batch)
      if (E.isLeft(imported)) return imported
      copied += batch.length
      batch = []
      options.onProgress?.(imported.right.head, head)
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
    const verified = await verify(from, to, head)
    return E.isLeft(verified) ? verified : E.right({ resumedFrom, copied, head, verified: verified.right })
  } catch (e) {
    // Reads reject with the store's errors; anything else is a bug and keeps travelling.
    if (isStoreError(e)) return E.left(e as ReadError)
    throw e
  }
}
