// The Merkle tree over the log (RFC 9162) on the 1 M event log of the projection benchmarks:
// (1) building the tree over 1 M events with `syncTree` (nodes in a SQLite read-model file),
// beside the baseline of reading the same chain hashes with a prepared better-sqlite3 statement
// and hashing the same tree in memory, storing nothing; (2) inclusion and consistency proofs on
// the 1 M-event tree (median and p99 of 500 each), beside the baseline of the same node lookups
// as one prepared better-sqlite3 statement; (3) what keeping the tree and taking heads adds to
// appends: 3,000 single-event appends to a SQLite log (synchronous = FULL), plain and with
// `syncTree` after every 100 or every 1,000 appends taking a signed head every 1,000 events, rounds alternating.
import { accountStream, type AccountId, type NewEvent } from '@account-ownership/core'
import {
  consistencyPath,
  createMerkleTables,
  inclusionPath,
  leafHash,
  MerkleRoot,
  nodeHash,
  proveConsistency,
  proveInclusion,
  storedTreeHeads,
  syncTree,
  takeTreeHead,
  treeHeadSigner,
  type MerkleTables,
} from '@account-ownership/dsgvo'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { eventLog } from '../projections/event-log.js'

const dir = mkdtempSync(join(tmpdir(), 'ao-bench-tree-'))
process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
const must = <A>(e: { _tag: 'Left'; left: unknown } | { _tag: 'Right'; right: A }): A => {
  if (e._tag === 'Left') throw e.left
  return e.right
}
const signer = must(treeHeadSigner(generateKeyPairSync('ed25519').privateKey))
const fmt = (n: number) => Math.round(n).toLocaleString('en-US')
const ms = (n: number) => `${n.toFixed(n < 1 ? 3 : 2)} ms`
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!

// (1) the tree over 1 M events
const logPath = eventLog(20_000)
const store = must(openSqliteEventStore({ path: logPath, readonly: true }))
const treeFile = join(dir, 'tree.db')
const db = sqliteReadModels<MerkleTables>(treeFile)
await createMerkleTables(db)
let start = performance.now()
const synced = must(await syncTree({ store, db, signer, schedule: { everyEvents: 100_000 } }))
const syncMs = performance.now() - start
const head = must(await takeTreeHead({ store, db, signer }))

const raw = new Database(logPath, { readonly: true })
start = performance.now()
const memory = new MerkleRoot()
for (const row of raw.prepare<[], { hash: string }>('SELECT hash FROM ao_events ORDER BY global_position').iterate()) memory.push(leafHash(row.hash))
const baselineMs = performance.now() - start
if (memory.root().toString('hex') !== head.rootHash) throw new Error('the baseline tree and the synced tree differ')

// (2) proofs on the 1 M-event tree
const heads = await storedTreeHeads(db)
const nodes = new Database(treeFile, { readonly: true })
const node = nodes.prepare<[number, number], { hash: string }>('SELECT hash FROM merkle_nodes WHERE height = ? AND node_index = ?')
const rawSubtree = (s: number, e: number): Buffer => {
  const width = e - s
  let p = 1
  while (p < width) p *= 2
  if (p === width && s % width === 0) return Buffer.from(node.get(Math.log2(width), s / width)!.hash, 'hex')
  let k = 1
  while (k * 2 < width) k *= 2
  return nodeHash(rawSubtree(s, s + k), rawSubtree(s + k, e))
}
let seed = 11
const next = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31
  return seed % n
}
const timings = { inclusion: [] as number[], inclusionRaw: [] as number[], consistency: [] as number[], consistencyRaw: [] as number[] }
for (let i = 0; i < 550; i++) {
  const position = BigInt(1 + next(head.treeSize))
  const older = heads[next(heads.length - 1)]!
  let t = performance.now()
  must(await proveInclusion(db, position, head))
  const inclusion = performance.now() - t
  t = performance.now()
  inclusionPath(rawSubtree, Number(position) - 1, head.treeSize)
  const inclusionRaw = performance.now() - t
  t = performance.now()
  must(await proveConsistency(db, older, head))
  const consistency = performance.now() - t
  t = performance.now()
  consistencyPath(rawSubtree, older.treeSize, head.treeSize)
  const consistencyRaw = performance.now() - t
  if (i >= 50) {
    timings.inclusion.push(inclusion)
    timings.inclusionRaw.push(inclusionRaw)
    timings.consistency.push(consistency)
    timings.consistencyRaw.push(consistencyRaw)
  }
}
await store.close()

// (3) appends with and without the tree kept beside them
const appendRound = async (syncEvery: number | undefined, round: number): Promise<number> => {
  const path = join(dir, `append-${syncEvery ?? 'plain'}-${round}.db`)
  const log = must(openSqliteEventStore({ path }))
  const tree = sqliteReadModels<MerkleTables>(join(dir, `append-tree-${syncEvery ?? 'plain'}-${round}.db`))
  await createMerkleTables(tree)
  const t = performance.now()
  for (let i = 0; i < 3000; i++) {
    const accountId = `kunde-${round}-${i}`
    const event = {
      type: 'AccountOpened',
      data: { accountId, tenantId: 'acme-de', displayName: `Kunde ${i} GmbH`, tier: 'standard', openedBy: 'dora' },
      metadata: { eventId: `e-${round}-${i}`, occurredAt: '2026-03-12T09:00:00.000Z', actor: { principalId: 'dora' }, tenantId: 'acme-de', correlationId: `c-${i}`, causationId: `c-${i}`, commandId: `c-${i}` },
    } as unknown as NewEvent
    must(await log.append(accountStream(accountId as AccountId), [event], { expectedVersion: 'no-stream' }))
    if (syncEvery !== undefined && (i + 1) % syncEvery === 0) must(await syncTree({ store: log, db: tree, signer, schedule: { everyEvents: 1000 } }))
  }
  const rate = 3000 / ((performance.now() - t) / 1000)
  await log.close()
  await tree.destroy()
  return rate
}
const plain: number[] = []
const kept: number[] = []
const keptRarely: number[] = []
for (let round = 0; round < 3; round++) {
  plain.push(await appendRound(undefined, round))
  kept.push(await appendRound(100, round))
  keptRarely.push(await appendRound(1000, round))
}
const [plainRate, keptRate, rareRate] = [quantile(plain, 0.5), quantile(kept, 0.5), quantile(keptRarely, 0.5)]

console.log(`## dsgvo: the Merkle tree over the log — tree heads and proofs on 1 M events (SQLite)

${fmt(synced.treeSize)} events (the projection benchmarks' log). Targets: proofs < 10 ms; keeping the tree and taking heads adds < 5 % to append time.

| building the tree | time | per 1 M events |
|---|---:|---:|
| baseline: prepared better-sqlite3 read of the chain hashes, tree hashed in memory, nothing stored | ${fmt(baselineMs)} ms | ${fmt((baselineMs * 1e6) / synced.treeSize)} ms |
| \`syncTree\` (read through the store port, ${fmt(synced.treeSize * 2)} nodes written with Kysely, ${synced.headsTaken.length} signed heads) | ${fmt(syncMs)} ms | ${fmt((syncMs * 1e6) / synced.treeSize)} ms |

| proof on the 1 M-event tree (500 each) | median | p99 |
|---|---:|---:|
| baseline: inclusion path, one prepared better-sqlite3 lookup per node | ${ms(quantile(timings.inclusionRaw, 0.5))} | ${ms(quantile(timings.inclusionRaw, 0.99))} |
| \`proveInclusion\` (position → leaf, nodes in one Kysely query) | ${ms(quantile(timings.inclusion, 0.5))} | ${ms(quantile(timings.inclusion, 0.99))} |
| baseline: consistency path, one prepared lookup per node | ${ms(quantile(timings.consistencyRaw, 0.5))} | ${ms(quantile(timings.consistencyRaw, 0.99))} |
| \`proveConsistency\` (from a stored head to the newest) | ${ms(quantile(timings.consistency, 0.5))} | ${ms(quantile(timings.consistency, 0.99))} |

| 3,000 single-event appends, SQLite, synchronous = FULL (median of 3 rounds) | appends/s |
|---|---:|
| plain | ${fmt(plainRate)} |
| with \`syncTree\` after every 100 appends and a signed head every 1,000 events | ${fmt(keptRate)} (${(((plainRate - keptRate) / plainRate) * 100).toFixed(1)} % fewer) |
| with \`syncTree\` after every 1,000 appends and a signed head every 1,000 events | ${fmt(rareRate)} (${(((plainRate - rareRate) / plainRate) * 100).toFixed(1)} % fewer) |`)
