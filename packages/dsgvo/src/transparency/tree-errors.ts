/**
 * The errors of the Merkle tree: bad input, a database that cannot be reached, and — the finding
 * an auditor looks for — a log that no longer is what a tree head covered.
 *
 * @module
 */
import { TaggedError, type ReadError } from '@account-ownership/core'
import { readErrorOf } from '../chain/read-error.js'

/**
 * An option or argument of a tree operation is not what it must be.
 * @category errors
 * @since 0.2.0
 */
export class InvalidTreeInputError extends TaggedError('InvalidTreeInputError') {
  readonly field: string
  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`)
    this.field = field
  }
}

/**
 * Why the log and a tree head disagree.
 * @category tamper evidence
 * @since 0.2.0
 */
export type TreeMismatchReason = 'root-mismatch' | 'log-shorter' | 'position-moved'

/**
 * The log is not what a tree head covered: an event changed, removed, inserted or moved.
 * @category errors
 * @since 0.2.0
 */
export class TreeMismatchError extends TaggedError('TreeMismatchError') {
  /** The size of the head that does not hold. */
  readonly treeSize: number
  /** Whether the head was kept outside the system by the auditor, or stored beside the log. */
  readonly head: 'kept' | 'stored'
  readonly reason: TreeMismatchReason
  /** The global position of the first event found to differ, where it can be named. */
  readonly position: bigint | undefined
  constructor(at: { treeSize: number; head: 'kept' | 'stored'; position: bigint | undefined }, reason: TreeMismatchReason, detail: string) {
    super(`the log differs from the ${at.head} tree head of ${at.treeSize} events${at.position === undefined ? '' : ` at position ${at.position}`}: ${reason}: ${detail}`)
    this.treeSize = at.treeSize
    this.head = at.head
    this.reason = reason
    this.position = at.position
  }
}

/**
 * A failure of the store or the tree's database as the store error it is.
 * @category errors
 * @since 0.2.0
 */
export const treeUnavailable = (e: unknown): ReadError => readErrorOf(e, 'the log or the Merkle tree')
