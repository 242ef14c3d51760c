/**
 * The Merkle tree over a real SQLite log, with its nodes and heads in a read-model database of
 * the dialect under test: heads on the schedule, proofs, and the three kinds of tampering the
 * per-stream chain cannot see, each found against a kept head with the position named.
 *
 * @module
 */
import { accountStream, chainHash, instantOf, type EventStore } from '@account-ownership/core'
import { account, newEvent, openedAccountEvents } from '@account-ownership/core/testing'
import {
  checkConsistency,
  checkInclusion,
  checkTreeHead,
  createMerkleTables,
  proveConsistency,
  proveInclusion,
  signTreeHead,
  storedTreeHeads,
  syncTree,
  takeTreeHead,
  treeHeadSigner,
  verifyChain,
  verifyTree,
  type MerkleTables,
  type TreeHead,
} from '@account-ownership/dsgvo'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import { removeAppendOnlyTriggers } from '@account-ownership/store-sqlite/testing'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { scratchDir } from '../../scratch-dir.js'

/** Where the tree's tables live in a run. */
export interface TreeDialect {
  readonly name: string
  readonly skip?: string
  open(): Promise<Kysely<MerkleTables>>
}

const scratch = scratchDir('transparency')
const keys = generateKeyPairSync('ed25519')
const signer = E.getOrElseW((e: Error) => { throw e })(treeHeadSigner(keys.privateKey))
const publicKey = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString()
const clock = () => instantOf(Date.UTC(2026, 2, 12, 9))

const right = <A>(either: E.Either<unknown, A>): A => {
  if (E.isLeft(either)) throw either.left
  return either.right
}

/** A log of five accounts, each written whole, into a SQLite file: 20 events. */
const logOf = async (path: string, accounts: ReadonlyArray<string>): Promise<EventStore> => {
  const store = right(openSqliteEventStore({ path }))
  for (const id of accounts) right(await store.append(accountStream(account(id)), openedAccountEvents(account(id)).map((e) => newEvent(e)), { expectedVersion: 'no-stream' }))
  return store
}

const names = ['kunde-1', 'kunde-2', 'kunde-3', 'kunde-4', 'kunde-5']

/** Change the file under the store's feet, as someone with access to the database could. */
const tamper = (path: string, sql: string, ...params: unknown[]) => {
  const db = new Database(path)
  removeAppendOnlyTriggers(db)
  db.prepare(sql).run(...params)
  db.close()
}

export const treeFeatures = (dialect: TreeDialect): void => {
  describe.skipIf(dialect.skip !== undefined)(`the Merkle tree over the log (${dialect.name})${dialect.skip === undefined ? '' : ` — skipped: ${dialect.skip}`}`, () => {
    const setUp = async () => {
      const path = scratch.file()
      const store = await logOf(path, names)
      const db = await dialect.open()
      await createMerkleTables(db)
      const synced = right(await syncTree({ store, db, signer, clock, schedule: { everyEvents: 8 } }))
      return { path, store, db, synced }
    }

    it('takes a signed head at every multiple of the schedule, and the same tree whether synced in one run or many', async () => {
      const { store, db, synced } = await setUp()
      expect([synced.treeSize, synced.added, synced.headsTaken.map((h) => h.treeSize)]).toEqual([20, 20, [8, 16]])
      expect((await storedTreeHeads(db)).map((h) => right(checkTreeHead(h, publicKey)).treeSize)).toEqual([8, 16])
      expect(right(await verifyTree({ store, tree: { db, publicKey } })).headsChecked).toBe(2)
      const one = await storedTreeHeads(db)
      // A log synced after every single append gets its heads at the same sizes. (A dialect may
      // hand out the same tables again, so the first tree is done with by now.)
      const again = await dialect.open()
      await createMerkleTables(again)
      const other = right(openSqliteEventStore({ path: scratch.file() }))
      for (const id of names) {
        right(await other.append(accountStream(account(id)), openedAccountEvents(account(id)).map((e) => newEvent(e)), { expectedVersion: 'no-stream' }))
        right(await syncTree({ store: other, db: again, signer, clock, schedule: { everyEvents: 8 }, batchSize: 3 }))
      }
      // The logs differ in event ids and times: each is checked against its own recomputation.
      expect((await storedTreeHeads(again)).map((h) => h.treeSize)).toEqual(one.map((h) => h.treeSize))
      expect(right(await verifyTree({ store: other, tree: { db: again, publicKey } })).headsChecked).toBe(2)
    })

    it('takes a head on the clock when the newest is older than the schedule allows, and none while it is fresh', async () => {
      const { store, db } = await setUp()
      right(await store.append(accountStream(account('kunde-6')), openedAccountEvents(account('kunde-6')).map((e) => newEvent(e)), { expectedVersion: 'no-stream' }))
      const fresh = right(await syncTree({ store, db, signer, clock, schedule: { everyMillis: 3_600_000 } }))
      expect(fresh.headsTaken).toEqual([])
      const later = () => instantOf(Date.UTC(2026, 2, 12, 11))
      const stale = right(await syncTree({ store, db, signer, clock: later, schedule: { everyMillis: 3_600_000 } }))
      expect(stale.headsTaken.map((h) => [h.treeSize, h.takenAt])).toEqual([[24, later()]])
    })

    it('proves every event included in a head, and each head consistent with every later one', async () => {
      const { store, db } = await setUp()
      const head = right(await takeTreeHead({ store, db, signer, clock }))
      const heads = [...(await storedTreeHeads(db))]
      expect(heads.map((h) => h.treeSize)).toEqual([8, 16, 20])
      for await (const row of store.readStoredAll()) {
        const proof = right(await proveInclusion(db, row.globalPosition, head))
        expect(checkInclusion(proof, row.hash!, head)).toBe(true)
        expect(checkInclusion(proof, chainHash(row.hash!, row), head)).toBe(false)
      }
      for (const older of heads) {
        for (const newer of heads.filter((h) => h.treeSize >= older.treeSize)) {
          expect(checkConsistency(right(await proveConsistency(db, older, newer)), older, newer)).toBe(true)
        }
      }
      const forged: TreeHead = { ...heads[0]!, rootHash: heads[1]!.rootHash }
      expect(checkConsistency(right(await proveConsistency(db, heads[0]!, head)), forged, head)).toBe(false)
      expect(await proveInclusion(db, 99n, head)).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidTreeInputError', field: 'position' })))
    })

    it('finds two events of different streams that swapped places — which the chain passes — naming the first', async () => {
      const { path, store, db } = await setUp()
      const kept = right(await takeTreeHead({ store, db, signer, clock }))
      // kunde-1's last event is at 4, kunde-2's first at 5: swap them.
      tamper(path, 'UPDATE ao_events SET global_position = -4 WHERE global_position = 4')
      tamper(path, 'UPDATE ao_events SET global_position = 4 WHERE global_position = 5')
      tamper(path, 'UPDATE ao_events SET global_position = 5 WHERE global_position = -4')
      expect(E.isRight(await verifyChain(store.readStoredAll()))).toBe(true)
      const found = await verifyTree({ store, keptHeads: [kept], tree: { db, publicKey } })
      expect(E.isLeft(found) && found.left._tag === 'TreeMismatchError' && [found.left.reason, found.left.position]).toEqual(['root-mismatch', 4n])
      // An auditor with only the kept head and the log finds it too; the log alone can't name the place.
      const outside = await verifyTree({ store, keptHeads: [kept] })
      expect(E.isLeft(outside) && outside.left._tag === 'TreeMismatchError' && [outside.left.reason, outside.left.head]).toEqual(['root-mismatch', 'kept'])
    })

    it('finds the newest event deleted, naming its position', async () => {
      const { path, store, db } = await setUp()
      const kept = right(await takeTreeHead({ store, db, signer, clock }))
      tamper(path, 'DELETE FROM ao_events WHERE global_position = 20')
      expect(E.isRight(await verifyChain(store.readStoredAll()))).toBe(true)
      const found = await verifyTree({ store, keptHeads: [kept], tree: { db, publicKey } })
      expect(E.isLeft(found) && found.left._tag === 'TreeMismatchError' && [found.left.reason, found.left.position]).toEqual(['log-shorter', 20n])
    })

    it('finds a stream rewritten with freshly computed hashes, naming the first rewritten event', async () => {
      const { path, store, db } = await setUp()
      const kept = right(await takeTreeHead({ store, db, signer, clock }))
      // Rewrite kunde-3 from its second event (position 10) on, recomputing the chain as an insider could.
      const file = new Database(path)
      removeAppendOnlyTriggers(file)
      file.defaultSafeIntegers(true)
      type Row = { global_position: bigint; stream_id: string; stream_version: bigint; event_id: string; type: string; schema_version: bigint; data: string; metadata: string; recorded_at: string; hash: string }
      const rows = file.prepare("SELECT * FROM ao_events WHERE stream_id = 'account-kunde-3' ORDER BY stream_version").all() as Row[]
      let previous = rows[0]!.hash
      for (const row of rows.slice(1)) {
        const data = row.data.replace(/"dora"/g, '"mallory"')
        previous = chainHash(previous, { streamId: row.stream_id, streamVersion: row.stream_version, eventId: row.event_id, type: row.type, schemaVersion: Number(row.schema_version), data, metadata: row.metadata, recordedAt: row.recorded_at })
        file.prepare('UPDATE ao_events SET data = ?, hash = ? WHERE global_position = ?').run(data, previous, row.global_position)
      }
      file.close()
      expect(E.isRight(await verifyChain(store.readStoredAll()))).toBe(true)
      const found = await verifyTree({ store, keptHeads: [kept], tree: { db, publicKey } })
      expect(E.isLeft(found) && found.left._tag === 'TreeMismatchError' && [found.left.reason, found.left.position]).toEqual(['root-mismatch', rows[1]!.global_position])
    })

    it('refuses a kept head with a changed field, another key or a bad signature, naming the field', async () => {
      const { store, db } = await setUp()
      const kept = right(await takeTreeHead({ store, db, signer, clock }))
      const other = generateKeyPairSync('ed25519').publicKey
      expect(checkTreeHead({ ...kept, treeSize: 19 }, publicKey)).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidTreeHeadError', field: 'signature' })))
      expect(checkTreeHead(kept, other)).toEqual(E.left(expect.objectContaining({ field: 'keyId' })))
      expect(checkTreeHead({ ...kept, rootHash: 'xyz' }, publicKey)).toEqual(E.left(expect.objectContaining({ field: 'rootHash' })))
      expect(checkTreeHead(null, publicKey)).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidTreeHeadError' })))
      expect(right(checkTreeHead(JSON.parse(JSON.stringify(kept)), publicKey))).toEqual(kept)
      expect(await syncTree({ store, db, signer, schedule: { everyEvents: 0 } })).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidTreeInputError', field: 'schedule.everyEvents' })))
    })

    it('takes a signature in one base64 spelling only: another spelling of the same bytes is refused', async () => {
      const { store, db } = await setUp()
      const kept = right(await takeTreeHead({ store, db, signer, clock }))
      // The last character of the base64 carries 4 bits that are not the signature's.
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
      const respelt = `${kept.signature.slice(0, 85)}${alphabet[alphabet.indexOf(kept.signature[85]!) ^ 1]}==`
      expect(Buffer.from(respelt, 'base64').equals(Buffer.from(kept.signature, 'base64'))).toBe(true)
      expect(checkTreeHead({ ...kept, signature: respelt }, publicKey)).toEqual(E.left(expect.objectContaining({ field: 'signature' })))
    })

    it('refuses a wrong public key even where no head is stored yet to check it with', async () => {
      const { store } = await setUp()
      const empty = await dialect.open()
      await createMerkleTables(empty)
      expect(await verifyTree({ store, tree: { db: empty, publicKey: 'not a key' } })).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidTreeHeadError', field: 'publicKey' })))
    })

    it('proves nothing for a chain hash or a path entry that is not 64 lower-case hex digits', async () => {
      const { store, db } = await setUp()
      const head = right(await takeTreeHead({ store, db, signer, clock }))
      for await (const row of store.readStoredAll({ toPosition: 2n })) {
        const proof = right(await proveInclusion(db, row.globalPosition, head))
        expect(checkInclusion(proof, row.hash!, head)).toBe(true)
        // Hex decoding stops at the first character that is not hex: these read as the event's hash.
        for (const spelt of [`${row.hash}zz`, `${row.hash} `, row.hash!.toUpperCase()]) expect(checkInclusion(proof, spelt, head)).toBe(false)
        expect(checkInclusion({ ...proof, path: proof.path.map((p) => `${p}!`) }, row.hash!, head)).toBe(false)
      }
      const [older] = await storedTreeHeads(db)
      const proof = right(await proveConsistency(db, older!, head))
      expect(checkConsistency(proof, older!, head)).toBe(true)
      expect(checkConsistency({ ...proof, path: proof.path.map((p) => `${p}x`) }, older!, head)).toBe(false)
    })

    it('answers a head whose size is not a whole number ≥ 0 with an InvalidTreeInputError naming it, not a stack overflow', async () => {
      const { store, db } = await setUp()
      const head = right(await takeTreeHead({ store, db, signer, clock }))
      const sized = (treeSize: number) => ({ ...head, treeSize })
      for (const bad of [2.5, -1, NaN]) {
        expect(await proveInclusion(db, 1n, sized(bad))).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidTreeInputError', field: 'head.treeSize' })))
        expect(await proveConsistency(db, sized(bad), head)).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidTreeInputError', field: 'older.treeSize' })))
        expect(await proveConsistency(db, sized(1), sized(bad))).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidTreeInputError', field: 'newer.treeSize' })))
      }
      expect(await proveInclusion(db, 1n, null as never)).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidTreeInputError', field: 'head.treeSize' })))
    })

    it('refuses a head of the empty tree that names a root or a last event of its own', async () => {
      const { store, db } = await setUp()
      const empty = { treeSize: 0, rootHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', lastPosition: '0', takenAt: clock() }
      expect(right(await verifyTree({ store, keptHeads: [signTreeHead(empty, signer)] })).headsChecked).toBe(1)
      const moved = await verifyTree({ store, keptHeads: [signTreeHead({ ...empty, lastPosition: '7' }, signer)] })
      expect(E.isLeft(moved) && moved.left._tag === 'TreeMismatchError' && [moved.left.reason, moved.left.treeSize]).toEqual(['position-moved', 0])
      const [head] = await storedTreeHeads(db)
      const forged = signTreeHead({ ...empty, rootHash: head!.rootHash }, signer)
      expect(checkConsistency({ olderSize: 0, newerSize: head!.treeSize, path: [] }, forged, head!)).toBe(false)
      expect(checkConsistency({ olderSize: 0, newerSize: head!.treeSize, path: [] }, signTreeHead(empty, signer), head!)).toBe(true)
    })

    it('finds the newest event deleted when the stored tree lost a leaf row in the middle too', async () => {
      const { path, store, db } = await setUp()
      tamper(path, 'DELETE FROM ao_events WHERE global_position = 20')
      // The leaves no longer count 20, but the stored tree still ends at leaf 19.
      await db.deleteFrom('merkle_nodes').where('height', '=', 0).where('node_index', '=', 5).execute()
      const found = await verifyTree({ store, tree: { db, publicKey } })
      expect(E.isLeft(found) && found.left._tag === 'TreeMismatchError' && [found.left.reason, found.left.treeSize, found.left.position]).toEqual(['log-shorter', 20, 20n])
    })
  })
}
