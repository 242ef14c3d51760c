/**
 * Verification of the hash chain (Manipulationsnachweis): recompute every event's hash from its
 * stored bytes and the hash before it in its stream, and name the first place where the log no
 * longer is what was written — a changed byte in any field, a missing or re-numbered event in a
 * stream, a gap or a step back in the global positions.
 *
 * What it proves: every event still reads exactly as it was appended, and no event was taken out
 * of the middle of a stream. What it does not prove on its own: that no stream's newest events
 * (or a whole stream) were removed, or the chain rewritten from that point on by someone who can
 * run `chainHash` too — seals (`sealOf`) of the stream heads, kept outside the database and
 * passed in as `seals`, cover that up to the newest seal. The chain is per stream (so writers on
 * different streams never wait for each other) and leaves the global position out of the hash:
 * two events of different streams that swap their positions keep every stream's chain intact,
 * and only a seal taken between the two positions shows the swap.
 *
 * @module
 */
import { chainHash, genesisHash, TaggedError, type PositionModel, type ReadError } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import { readErrorOf } from './read-error.js'
import { sealOf, type Seal } from './seal.js'

/**
 * A row as read from storage, not trusted: any field may have any type.
 * @category tamper evidence
 * @since 0.1.0
 */
export interface RawStoredRow {
  readonly globalPosition: unknown
  readonly streamId: unknown
  readonly streamVersion: unknown
  readonly eventId: unknown
  readonly type: unknown
  readonly schemaVersion: unknown
  readonly data: unknown
  readonly metadata: unknown
  readonly recordedAt: unknown
  readonly hash?: unknown
}

/**
 * Why the chain breaks at a place.
 * @category tamper evidence
 * @since 0.1.0
 */
export type ChainBreakReason = 'malformed-row' | 'hash-mismatch' | 'version-gap' | 'position-gap' | 'seal-mismatch'

/**
 * The first place where the log differs from what was written.
 * @category errors
 * @since 0.1.0
 */
export class ChainBrokenError extends TaggedError('ChainBrokenError') {
  /** The global position where the break is found (for a gap: the missing position). */
  readonly globalPosition: bigint
  readonly streamId: string
  readonly streamVersion: bigint | null
  readonly reason: ChainBreakReason
  readonly detail: string
  constructor(at: { globalPosition: bigint; streamId: string; streamVersion: bigint | null }, reason: ChainBreakReason, detail: string) {
    super(`hash chain broken at position ${at.globalPosition} (${at.streamId} version ${at.streamVersion ?? '?'}): ${reason}: ${detail}`)
    this.globalPosition = at.globalPosition
    this.streamId = at.streamId
    this.streamVersion = at.streamVersion
    this.reason = reason
    this.detail = detail
  }
}

/**
 * The head of one stream: its last version and hash.
 * @category tamper evidence
 * @since 0.1.0
 */
export interface StreamHead {
  readonly version: bigint
  readonly hash: string
}

/**
 * A verified log: how many events, and the head of every stream.
 * @category tamper evidence
 * @since 0.1.0
 */
export interface VerifiedChain {
  readonly events: number
  readonly lastPosition: bigint
  readonly heads: ReadonlyMap<string, StreamHead>
}

/**
 * Options of a verification.
 * @category tamper evidence
 * @since 0.1.0
 */
export interface VerifyOptions {
  /**
   * Whether positions run 1, 2, 3 … without gaps. For a store, what its `positions` says (so an
   * EventStoreDB log is not held to it); for rows read some other way, `true` by default.
   */
  readonly contiguousPositions?: boolean
  /** Seals taken earlier, kept outside the database; each is checked when the log passes its position. */
  readonly seals?: ReadonlyArray<Seal>
}

const text = (u: unknown): u is string => typeof u === 'string'
const integer = (u: unknown): u is bigint => typeof u === 'bigint'
// Adapters answer a schema version as a number; a raw reader may give a bigint.
const schemaVersionOf = (u: unknown): number | undefined => (typeof u === 'bigint' ? Number(u) : typeof u === 'number' && Number.isSafeInteger(u) ? u : undefined)

/**
 * What a chain is verified over: a store (which says how it numbers its log) or rows read in
 * global order some other way.
 * @category tamper evidence
 * @since 0.3.0
 */
export type ChainSource = ChainLog | AsyncIterable<RawStoredRow> | Iterable<RawStoredRow>

/**
 * The part of a store the verifier reads: its rows as stored and how it numbers them.
 * @category tamper evidence
 * @since 0.3.0
 */
export interface ChainLog {
  /** How the log is numbered; `'contiguous'` where absent, as on the store port. */
  readonly positions?: PositionModel | undefined
  /** Every row as stored, in global order. */
  readStoredAll(): AsyncIterable<RawStoredRow>
}

const isLog = (source: ChainSource): source is ChainLog => 'readStoredAll' in source

/**
 * Verify a store's log — or rows read in global order — the first break is the answer; a log
 * that cannot be read at all answers with the store's error.
 * @category tamper evidence
 * @since 0.1.0
 * @example
 * const verified = await verifyChain(store)
 * if (E.isLeft(verified)) console.error(verified.left.message)
 */
export const verifyChain = async (source: ChainSource, options: VerifyOptions = {}): Promise<E.Either<ChainBrokenError | ReadError, VerifiedChain>> => {
  try {
    if (!isLog(source)) return await verifyRows(source, options)
    return await verifyRows(source.readStoredAll(), { ...options, contiguousPositions: options.contiguousPositions ?? (source.positions ?? 'contiguous') === 'contiguous' })
  } catch (e) {
    return E.left(readErrorOf(e, 'the log'))
  }
}

const verifyRows = async (rows: AsyncIterable<RawStoredRow> | Iterable<RawStoredRow>, options: VerifyOptions): Promise<E.Either<ChainBrokenError, VerifiedChain>> => {
  const contiguous = options.contiguousPositions ?? true
  const heads = new Map<string, StreamHead>()
  let expectedPosition = 1n
  let lastPosition = 0n
  let events = 0
  const seals = [...(options.seals ?? [])].sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0))
  // Check every seal whose position the log has passed: the heads then must be what they were.
  const checkSeals = (upTo: bigint): ChainBrokenError | undefined => {
    while (seals.length > 0 && seals[0]!.position <= upTo) {
      const seal = seals.shift()!
      const now = sealOf(heads, seal.position)
      if (now.digest !== seal.digest) {
        return new ChainBrokenError({ globalPosition: seal.position, streamId: '(all streams)', streamVersion: null }, 'seal-mismatch', `the stream heads at position ${seal.position} differ from the seal (${seal.streams} streams then, ${now.streams} now)`)
      }
    }
    return undefined
  }
  for await (const row of rows) {
    if (integer(row.globalPosition)) {
      const broken = checkSeals(row.globalPosition - 1n)
      if (broken !== undefined) return E.left(broken)
    }
    const streamId = text(row.streamId) ? row.streamId : String(row.streamId)
    const streamVersion = integer(row.streamVersion) ? row.streamVersion : null
    const position = integer(row.globalPosition) ? row.globalPosition : expectedPosition
    const at = { globalPosition: position, streamId, streamVersion }
    if (!integer(row.globalPosition) || streamVersion === null || schemaVersionOf(row.schemaVersion) === undefined || ![row.streamId, row.eventId, row.type, row.data, row.metadata, row.recordedAt, row.hash].every(text)) {
      return E.left(new ChainBrokenError(at, 'malformed-row', 'a field is missing or of the wrong type'))
    }
    if (position <= lastPosition) return E.left(new ChainBrokenError(at, 'position-gap', `position ${position} after ${lastPosition}`))
    if (contiguous && position !== expectedPosition) {
      return E.left(new ChainBrokenError(position > expectedPosition ? { globalPosition: expectedPosition, streamId, streamVersion } : at, 'position-gap', `expected position ${expectedPosition}, found ${position}`))
    }
    const head = heads.get(streamId)
    const expectedVersion = head === undefined ? 0n : head.version + 1n
    if (streamVersion !== expectedVersion) return E.left(new ChainBrokenError(at, 'version-gap', `expected version ${expectedVersion} of ${streamId}, found ${streamVersion}`))
    const hash = chainHash(head?.hash ?? genesisHash, {
      streamId,
      streamVersion,
      eventId: row.eventId as string,
      type: row.type as string,
      schemaVersion: schemaVersionOf(row.schemaVersion)!,
      data: row.data as string,
      metadata: row.metadata as string,
      recordedAt: row.recordedAt as string,
    })
    if (hash !== row.hash) return E.left(new ChainBrokenError(at, 'hash-mismatch', `stored hash ${String(row.hash).slice(0, 12)}… differs from recomputed ${hash.slice(0, 12)}…`))
    heads.set(streamId, { version: streamVersion, hash })
    lastPosition = position
    expectedPosition = position + 1n
    events++
  }
  const broken = checkSeals(seals.reduce((max, s) => (s.position > max ? s.position : max), lastPosition))
  if (broken !== undefined) return E.left(broken)
  return E.right({ events, lastPosition, heads })
}
