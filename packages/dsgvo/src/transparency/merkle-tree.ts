/**
 * Keeping the Merkle tree in step with the log (Baumpflege): `syncTree` reads the events the tree
 * does not cover yet — through the store port, as stored, in global order — adds their leaves and
 * every node they complete, and takes a signed tree head on the schedule: at every multiple of
 * `everyEvents` events (so heads fall on the same sizes however often the sync runs), and at the
 * end of a sync when the newest head is older than `everyMillis`. Nodes and heads are written in
 * one transaction per batch; a sync that dies is resumed by the next one, and two syncs that race
 * write the same nodes, so either wins.
 *
 * @module
 */
import { CorruptEventError, systemClock, type Clock, type EventStore, type ReadError } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { leafHash, type MerkleNode } from './merkle-hash.js'
import type { MerkleTables } from './merkle.table.js'
import { signTreeHead, type TreeHead, type TreeHeadSigner } from './tree-head.js'
import { InvalidTreeInputError, treeUnavailable } from './tree-errors.js'
import { headOfRow, rowOfHead, storedTree } from './tree-rows.js'

/**
 * When a head is taken.
 * @category tamper evidence
 * @since 0.2.0
 */
export interface TreeHeadSchedule {
  /** A head at every multiple of this many events. */
  readonly everyEvents?: number
  /** A head at the end of a sync when the newest is older than this. */
  readonly everyMillis?: number
}

/**
 * What a sync needs: the log, the tree's database, and — to take heads — the signer and schedule.
 * @category tamper evidence
 * @since 0.2.0
 */
export interface SyncTreeOptions {
  readonly store: EventStore
  readonly db: Kysely<MerkleTables>
  readonly signer?: TreeHeadSigner
  readonly schedule?: TreeHeadSchedule
  /** Source of `takenAt`; the wall clock by default. */
  readonly clock?: Clock
  /** Leaves per transaction; 1000 by default. */
  readonly batchSize?: number
}

/**
 * What a sync did.
 * @category tamper evidence
 * @since 0.2.0
 */
export interface SyncedTree {
  readonly treeSize: number
  readonly added: number
  readonly headsTaken: ReadonlyArray<TreeHead>
}

/**
 * Why a sync, a proof or a verification of the tree could not be done.
 * @category errors
 * @since 0.2.0
 */
export type TreeError = ReadError | InvalidTreeInputError

const positiveOrAbsent = (n: unknown): boolean => n === undefined || (typeof n === 'number' && Number.isSafeInteger(n) && n > 0)

/**
 * Bring the tree up to the log's head, taking heads on the schedule.
 * @category tamper evidence
 * @since 0.2.0
 * @example
 * const synced = await syncTree({ store, db, signer, schedule: { everyEvents: 10_000, everyMillis: 3_600_000 } })
 */
export const syncTree = async (options: SyncTreeOptions): Promise<E.Either<TreeError, SyncedTree>> => {
  const { store, db, signer } = options
  const schedule = options.schedule ?? {}
  const clock = options.clock ?? systemClock
  const batchSize = options.batchSize ?? 1000
  if (!positiveOrAbsent(schedule.everyEvents)) return E.left(new InvalidTreeInputError('schedule.everyEvents', 'expected a whole number > 0'))
  if (!positiveOrAbsent(schedule.everyMillis)) return E.left(new InvalidTreeInputError('schedule.everyMillis', 'expected a whole number > 0'))
  if (!positiveOrAbsent(batchSize)) return E.left(new InvalidTreeInputError('batchSize', 'expected a whole number > 0'))
  try {
    const stored = await storedTree(db)
    const { tree } = stored
    const size = tree.size
    let lastPosition = stored.lastPosition
    const newestHead = await db.selectFrom('tree_heads').selectAll().orderBy('tree_size', 'desc').limit(1).executeTakeFirst()
    const heads: TreeHead[] = []
    let nodes: Array<{ node: MerkleNode; position: bigint | null }> = []
    let pendingHeads: TreeHead[] = []
    const headNow = (): TreeHead => signTreeHead({ treeSize: tree.size, rootHash: tree.root().toString('hex'), lastPosition: String(lastPosition), takenAt: clock() }, signer!)
    const flush = async () => {
      if (nodes.length === 0 && pendingHeads.length === 0) return
      const [batch, taken] = [nodes, pendingHeads]
      nodes = []
      pendingHeads = []
      await db.transaction().execute(async (tx) => {
        for (let i = 0; i < batch.length; i += 500) {
          const rows = batch.slice(i, i + 500).map(({ node, position }) => ({ height: node.height, node_index: node.index, hash: node.hash.toString('hex'), position: position === null ? null : String(position) }))
          await tx.insertInto('merkle_nodes').values(rows).onConflict((oc) => oc.columns(['height', 'node_index']).doNothing()).execute()
        }
        for (const head of taken) await tx.insertInto('tree_heads').values(rowOfHead(head)).onConflict((oc) => oc.column('tree_size').doNothing()).execute()
      })
      heads.push(...taken)
    }
    for await (const row of store.readStoredAll({ fromPosition: lastPosition + 1n, batchSize: Math.min(batchSize, 100_000) })) {
      if (row.hash === undefined) return E.left(new CorruptEventError(row, 'the event carries no chain hash, so the tree cannot cover it'))
      for (const node of tree.push(leafHash(row.hash))) nodes.push({ node, position: node.height === 0 ? row.globalPosition : null })
      lastPosition = row.globalPosition
      if (signer !== undefined && schedule.everyEvents !== undefined && tree.size % schedule.everyEvents === 0) pendingHeads.push(headNow())
      if (nodes.length >= 2 * batchSize) await flush()
    }
    const newest = pendingHeads[pendingHeads.length - 1] ?? heads[heads.length - 1] ?? (newestHead === undefined ? undefined : headOfRow(newestHead))
    const stale = newest === undefined || (newest.treeSize < tree.size && Date.parse(clock()) - Date.parse(newest.takenAt) >= (schedule.everyMillis ?? Infinity))
    if (signer !== undefined && schedule.everyMillis !== undefined && tree.size > 0 && stale) pendingHeads.push(headNow())
    await flush()
    return E.right({ treeSize: tree.size, added: tree.size - size, headsTaken: heads })
  } catch (e) {
    return E.left(treeUnavailable(e))
  }
}

/**
 * Take a signed head of the tree as it stands now, whatever the schedule says.
 * @category tamper evidence
 * @since 0.2.0
 */
export const takeTreeHead = async (options: SyncTreeOptions & { readonly signer: TreeHeadSigner }): Promise<E.Either<TreeError, TreeHead>> => {
  const clock = options.clock ?? systemClock
  const synced = await syncTree({ ...options, schedule: {} })
  if (E.isLeft(synced)) return synced
  try {
    const { tree, lastPosition } = await storedTree(options.db)
    const head = signTreeHead({ treeSize: tree.size, rootHash: tree.root().toString('hex'), lastPosition: String(lastPosition), takenAt: clock() }, options.signer)
    await options.db.insertInto('tree_heads').values(rowOfHead(head)).onConflict((oc) => oc.column('tree_size').doNothing()).execute()
    return E.right(head)
  } catch (e) {
    return E.left(treeUnavailable(e))
  }
}

