// The DSGVO tamper evidence straight on the PostgreSQL store: `verifyChain` over the store and the
// Merkle tree (`syncTree`, `verifyTree`) with its nodes in the same database, each given a log
// that someone with SQL access changed under the store's feet — the change is found and placed.
import { chainHash, instantOf } from '@account-ownership/core'
import { createMerkleTables, syncTree, takeTreeHead, treeHeadSigner, verifyChain, verifyTree, type MerkleTables } from '@account-ownership/dsgvo'
import { postgresReadModels } from '@account-ownership/projections/postgres'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { openedAccount } from './live-read-model.js'
import { postgresDatabase } from './postgres-database.js'

const database = await postgresDatabase('tamper')
const keys = generateKeyPairSync('ed25519')
const signer = E.getOrElseW((e: Error) => { throw e })(treeHeadSigner(keys.privateKey))
const publicKey = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString()
const clock = () => instantOf(Date.UTC(2026, 2, 12, 9))
let schemas = 0
let trees: Kysely<MerkleTables> | undefined

/** Five accounts of four events each (positions 1–20) in a schema of their own, the tree synced and a head kept. */
const setUp = async () => {
  const schema = `tamper_${++schemas}`
  const store = await database.store({ schema })
  for (const id of ['kunde-1', 'kunde-2', 'kunde-3', 'kunde-4', 'kunde-5']) {
    const { stream, events } = openedAccount(id)
    const appended = await store.append(stream, events, { expectedVersion: 'no-stream' })
    if (E.isLeft(appended)) throw appended.left
  }
  // One tree at a time, in the database's public schema: the tests of this file run one after another.
  const tree = (trees ??= postgresReadModels<MerkleTables>(database.pool(2)))
  for (const table of ['merkle_nodes', 'tree_heads']) await tree.schema.dropTable(table).ifExists().execute()
  await createMerkleTables(tree)
  expect(E.isRight(await syncTree({ store, db: tree, signer, clock, schedule: { everyEvents: 8 } }))).toBe(true)
  const kept = await takeTreeHead({ store, db: tree, signer, clock })
  if (E.isLeft(kept)) throw kept.left
  const pool = database.pool(1)
  const sql = (text: string, ...params: unknown[]) => pool.query(text.replaceAll('ao_events', `${schema}.ao_events`), params)
  return { store, tree, kept: kept.right, sql }
}

describe.skipIf(database.skip !== undefined)(`tamper evidence on the PostgreSQL store${database.skip ? ` — skipped: ${database.skip}` : ''}`, () => {
  it('an untouched log verifies: the chain over all 20 events, the tree against the kept head', async () => {
    const { store, tree, kept } = await setUp()
    expect(await verifyChain(store)).toEqual(E.right(expect.objectContaining({ events: 20, lastPosition: 20n })))
    expect(E.isRight(await verifyTree({ store, keptHeads: [kept], tree: { db: tree, publicKey } }))).toBe(true)
    await store.close()
  })

  it('a name changed by UPDATE is a hash mismatch at its position', async () => {
    const { store, sql } = await setUp()
    await sql(`UPDATE ao_events SET data = replace(data, '"hanna"', '"mallory"') WHERE global_position = 6`)
    const verified = await verifyChain(store)
    expect(E.isLeft(verified) && verified.left._tag === 'ChainBrokenError' && [verified.left.reason, verified.left.globalPosition, verified.left.streamId]).toEqual(['hash-mismatch', 6n, 'account-kunde-2'])
    await store.close()
  })

  it('an event deleted from the middle of the log — the newest of its stream — is a position gap', async () => {
    const { store, sql } = await setUp()
    // kunde-1's newest event sits at 4, before kunde-2's first: its stream's chain alone cannot miss it.
    await sql('DELETE FROM ao_events WHERE global_position = 4')
    const verified = await verifyChain(store)
    expect(E.isLeft(verified) && verified.left._tag === 'ChainBrokenError' && [verified.left.reason, verified.left.globalPosition]).toEqual(['position-gap', 4n])
    await store.close()
  })

  it('two events of different streams that swapped places pass the chain and are found by the tree at the first', async () => {
    const { store, tree, kept, sql } = await setUp()
    await sql('UPDATE ao_events SET global_position = -4 WHERE global_position = 4')
    await sql('UPDATE ao_events SET global_position = 4 WHERE global_position = 5')
    await sql('UPDATE ao_events SET global_position = 5 WHERE global_position = -4')
    expect(E.isRight(await verifyChain(store))).toBe(true)
    const found = await verifyTree({ store, keptHeads: [kept], tree: { db: tree, publicKey } })
    expect(E.isLeft(found) && found.left._tag === 'TreeMismatchError' && [found.left.reason, found.left.position]).toEqual(['root-mismatch', 4n])
    await store.close()
  })

  it('the newest event deleted passes the chain and is found by the tree as a shorter log', async () => {
    const { store, tree, kept, sql } = await setUp()
    await sql('DELETE FROM ao_events WHERE global_position = 20')
    expect(E.isRight(await verifyChain(store))).toBe(true)
    const found = await verifyTree({ store, keptHeads: [kept], tree: { db: tree, publicKey } })
    expect(E.isLeft(found) && found.left._tag === 'TreeMismatchError' && [found.left.reason, found.left.position]).toEqual(['log-shorter', 20n])
    await store.close()
  })

  it('a stream rewritten with freshly computed hashes passes the chain and is found by the tree at the first rewritten event', async () => {
    const { store, tree, kept, sql } = await setUp()
    type Row = { global_position: string; stream_id: string; stream_version: string; event_id: string; type: string; schema_version: number; data: string; metadata: string; recorded_at: string; hash: string }
    const rows = (await sql(`SELECT * FROM ao_events WHERE stream_id = 'account-kunde-3' ORDER BY stream_version`)).rows as Row[]
    let previous = rows[0]!.hash
    for (const row of rows.slice(1)) {
      const data = row.data.replace(/"hanna"/g, '"mallory"')
      previous = chainHash(previous, { streamId: row.stream_id, streamVersion: BigInt(row.stream_version), eventId: row.event_id, type: row.type, schemaVersion: row.schema_version, data, metadata: row.metadata, recordedAt: row.recorded_at })
      await sql('UPDATE ao_events SET data = $1, hash = $2 WHERE global_position = $3', data, previous, row.global_position)
    }
    expect(E.isRight(await verifyChain(store))).toBe(true)
    const found = await verifyTree({ store, keptHeads: [kept], tree: { db: tree, publicKey } })
    expect(E.isLeft(found) && found.left._tag === 'TreeMismatchError' && [found.left.reason, found.left.position]).toEqual(['root-mismatch', BigInt(rows[1]!.global_position)])
    await store.close()
  })
})
