// The DSGVO tamper evidence straight on the EventStoreDB store, against the gRPC test double:
// `verifyChain` over the store — which says its positions leave gaps, so none is held against it
// — and the Merkle tree (`syncTree`, `verifyTree`, nodes in a SQLite file), each given a log the
// double lets a test change on the node: an event's data changed on disk, a whole stream deleted.
import { accountStream, instantOf, type EventStore } from '@account-ownership/core'
import { account, newEvent, openedAccountEvents } from '@account-ownership/core/testing'
import { createMerkleTables, encryptingEventStore, syncTree, takeTreeHead, treeHeadSigner, verifyChain, verifyTree, type MerkleTables } from '@account-ownership/dsgvo'
import { sqliteKeyStore } from '@account-ownership/dsgvo/sqlite'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { closeStoreOnDouble, storeOnDouble } from './double/double-store.js'

const keys = generateKeyPairSync('ed25519')
const signer = E.getOrElseW((e: Error) => { throw e })(treeHeadSigner(keys.privateKey))
const publicKey = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString()
const clock = () => instantOf(Date.UTC(2026, 2, 12, 9))
const dir = mkdtempSync(join(tmpdir(), 'ao-esdb-tamper-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const opened: EventStore[] = []
const trees: Kysely<MerkleTables>[] = []
afterEach(async () => {
  for (const store of opened.splice(0)) await closeStoreOnDouble(store)
  for (const tree of trees.splice(0)) await tree.destroy()
})
let files = 0

/** Five accounts of four events each on a fresh node, the tree synced into a SQLite file and a head kept. */
const setUp = async () => {
  const { store, double } = await storeOnDouble()
  opened.push(store)
  for (const id of ['kunde-1', 'kunde-2', 'kunde-3', 'kunde-4', 'kunde-5']) {
    const events = openedAccountEvents(account(id)).map((e) => newEvent(e))
    const appended = await store.append(accountStream(account(id)), events, { expectedVersion: 'no-stream' })
    if (E.isLeft(appended)) throw appended.left
  }
  const tree = sqliteReadModels<MerkleTables>(join(dir, `tree-${++files}.db`))
  trees.push(tree)
  await createMerkleTables(tree)
  expect(E.isRight(await syncTree({ store, db: tree, signer, clock, schedule: { everyEvents: 8 } }))).toBe(true)
  const kept = await takeTreeHead({ store, db: tree, signer, clock })
  if (E.isLeft(kept)) throw kept.left
  const positions: bigint[] = []
  for await (const row of store.readStoredAll()) positions.push(row.globalPosition)
  return { store, double, tree, kept: kept.right, positions }
}

describe('tamper evidence on the EventStoreDB store (gRPC test double)', () => {
  it('an untouched log verifies — the chain over sparse positions, also through the encrypting store, and the tree against the kept head', async () => {
    const { store, tree, kept, positions } = await setUp()
    expect(store.positions).toBe('increasing')
    expect(positions.some((p, i) => i > 0 && p !== positions[i - 1]! + 1n)).toBe(true)
    expect(await verifyChain(store)).toEqual(E.right(expect.objectContaining({ events: 20, lastPosition: positions[19] })))
    const keyDb = new Database(join(dir, `keys-${++files}.db`))
    expect(E.isRight(await verifyChain(encryptingEventStore({ store, keys: sqliteKeyStore(keyDb) })))).toBe(true)
    keyDb.close()
    expect(E.isRight(await verifyTree({ store, keptHeads: [kept], tree: { db: tree, publicKey } }))).toBe(true)
  })

  it('an event whose data was changed on the node is a hash mismatch, named by stream, version and position', async () => {
    const { store, double, positions } = await setUp()
    const index = double.log.records.findIndex((r) => r.streamId === 'account-kunde-2' && r.revision === 1n)
    double.log.tamper(index, Buffer.from(double.log.records[index]!.data.toString('utf8').replace('hanna', 'mallory')))
    const verified = await verifyChain(store)
    expect(E.isLeft(verified) && verified.left._tag === 'ChainBrokenError' && [verified.left.reason, verified.left.streamId, verified.left.streamVersion, verified.left.globalPosition]).toEqual(['hash-mismatch', 'account-kunde-2', 1n, positions[5]])
  })

  it('a whole stream deleted on the node passes the chain (its positions may leave gaps) and is found by the tree where the log first differs', async () => {
    const { store, double, tree, kept, positions } = await setUp()
    double.log.deleteStream('account-kunde-2')
    expect(E.isRight(await verifyChain(store))).toBe(true)
    const found = await verifyTree({ store, keptHeads: [kept], tree: { db: tree, publicKey } })
    // Leaf 4 held kunde-2's first event; it now meets kunde-3's first, which sat at leaf 8.
    expect(E.isLeft(found) && found.left._tag === 'TreeMismatchError' && [found.left.reason, found.left.position]).toEqual(['root-mismatch', positions[8]])
    const outside = await verifyTree({ store, keptHeads: [kept] })
    expect(E.isLeft(outside) && outside.left._tag === 'TreeMismatchError' && outside.left.head).toBe('kept')
  })
})
