/**
 * The rebuild comparison, in one process: the current-owner read model (owner and tier of every
 * account) rebuilt from the projection benchmarks' event log by this library's projection
 * runtime, by raw better-sqlite3 (a scan of the handled types, JSON.parse, upserts in
 * transactions of a batch with a checkpoint row), and — when the peers are given — by an Emmett
 * SQLite consumer with a raw-SQL projection over a copy of the same events in Emmett's own log.
 * Each read model goes to a file of its own (Emmett's into its log's file, where its processors
 * keep their checkpoints); after each run every system's read model must hold the same rows.
 *
 * @module
 */
import { currentOwnerProjection, projectionRuntime } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import { existsSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { EmmettEvent, Peers } from './peers.js'
import { inRounds, type Figure } from './rounds.js'

/** What to compare. */
export interface RebuildComparison {
  /** The event log (this library's SQLite store file), e.g. from bench/projections/event-log.ts. */
  readonly log: string
  readonly events: number
  readonly rounds: number
  readonly batchSize: number
  /** A directory for the read models. */
  readonly dir: string
  readonly peers?: Peers | undefined
}

/** The figures and whether the read models agreed after every round. */
export interface RebuildResults {
  readonly figures: ReadonlyArray<Figure>
  readonly agreed: boolean
  readonly rows: number
}

const handled = ['AccountOpened', 'OwnershipAssigned', 'OwnershipTransferred', 'AccountClassified'] as const
type Row = { account_id: string; owner_id: string | null; tier: string }
const rowsKey = (rows: ReadonlyArray<Row>) => rows.map((r) => `${r.account_id}:${r.owner_id ?? ''}:${r.tier}`).join('\n')

interface Rebuilder {
  readonly name: string
  /** Rebuild from zero into a new read model; answers its rows. */
  rebuild(round: number): Promise<{ rows: Row[] }>
}

const library = (o: RebuildComparison): Rebuilder => ({
  name: 'this library (`projectionRuntime(…).rebuild()`, `currentOwnerProjection`)',
  async rebuild(round) {
    const opened = openSqliteEventStore({ path: o.log, readonly: true })
    if (opened._tag === 'Left') throw opened.left
    const path = join(o.dir, `library-${round}.db`)
    const db = sqliteReadModels(path)
    const outcome = await projectionRuntime({ store: opened.right, db, projections: [currentOwnerProjection], batchSize: o.batchSize }).rebuild()
    if (outcome._tag === 'Left') throw outcome.left
    await db.destroy()
    await opened.right.close()
    const check = new Database(path, { readonly: true })
    const rows = check.prepare<[], Row>('SELECT account_id, owner_id, tier FROM current_owners ORDER BY account_id').all()
    check.close()
    return { rows }
  },
})

const raw = (o: RebuildComparison): Rebuilder => ({
  name: 'raw better-sqlite3 (scan of the handled types, JSON.parse, upserts)',
  async rebuild(round) {
    const log = new Database(o.log, { readonly: true })
    const db = new Database(join(o.dir, `raw-${round}.db`))
    db.pragma('journal_mode = WAL')
    db.exec('CREATE TABLE current_owners (account_id TEXT PRIMARY KEY, owner_id TEXT, tier TEXT NOT NULL, position INTEGER NOT NULL); CREATE TABLE checkpoint (position INTEGER NOT NULL)')
    db.exec('INSERT INTO checkpoint VALUES (0)')
    const open = db.prepare('INSERT INTO current_owners (account_id, owner_id, tier, position) VALUES (?, NULL, ?, ?)')
    const owner = db.prepare('UPDATE current_owners SET owner_id = ?, position = ? WHERE account_id = ?')
    const tier = db.prepare('UPDATE current_owners SET tier = ?, position = ? WHERE account_id = ?')
    const checkpoint = db.prepare('UPDATE checkpoint SET position = ?')
    type Event = { global_position: number; type: string; data: string }
    const apply = db.transaction((batch: Event[]) => {
      for (const e of batch) {
        const d = JSON.parse(e.data) as Record<string, string>
        if (e.type === 'AccountOpened') open.run(d['accountId'], d['tier'], e.global_position)
        else if (e.type === 'OwnershipAssigned') owner.run(d['ownerId'], e.global_position, d['accountId'])
        else if (e.type === 'OwnershipTransferred') owner.run(d['toOwnerId'], e.global_position, d['accountId'])
        else tier.run(d['tier'], e.global_position, d['accountId'])
      }
      checkpoint.run(batch[batch.length - 1]!.global_position)
    })
    let batch: Event[] = []
    const scan = log.prepare<[], Event>(`SELECT global_position, type, data FROM ao_events WHERE type IN (${handled.map((t) => `'${t}'`).join(', ')}) ORDER BY global_position`)
    for (const e of scan.iterate()) {
      batch.push(e)
      if (batch.length === o.batchSize) (apply(batch), (batch = []))
    }
    if (batch.length > 0) apply(batch)
    const rows = db.prepare<[], Row>('SELECT account_id, owner_id, tier FROM current_owners ORDER BY account_id').all()
    db.close()
    log.close()
    return { rows }
  },
})

const quoted = (s: unknown) => (s === null || s === undefined ? 'NULL' : `'${String(s).replaceAll("'", "''")}'`)

/**
 * Emmett's own log of the same events: written once (outside the timing) next to the log it
 * copies, with Emmett's append, and kept for later runs.
 */
export const emmettLogOf = async (peers: Peers, log: string): Promise<string> => {
  const path = `${log}.emmett-${peers.versions['@event-driven-io/emmett-sqlite']}.db`
  if (existsSync(path)) return path
  rmSync(`${path}.tmp`, { force: true })
  const connection = peers.sqlite.sqliteConnection({ fileName: `${path}.tmp` })
  await peers.sqlite.getSQLiteEventStore({ fileName: `${path}.tmp`, pool: peers.sqlite.SQLiteConnectionPool({ fileName: `${path}.tmp`, connectionOptions: { singleton: true, connection } }) }).schema.migrate()
  await connection.command('PRAGMA synchronous = OFF')
  const source = new Database(log, { readonly: true })
  // Streams are written whole in the source (each account's events in one append), so the rows
  // of a stream are consecutive: each becomes one append here, two hundred per transaction, in
  // the same global order.
  let pending: Array<[string, EmmettEvent[]]> = []
  const flush = () =>
    connection.withTransaction(async () => {
      for (const [stream, events] of pending) {
        const appended = await peers.sqlite.appendToStream(connection, stream, 'account', events)
        if (!appended.success) throw new Error(`copying ${stream} into Emmett's log failed`)
      }
      pending = []
    })
  for (const row of source.prepare<[], { stream_id: string; type: string; data: string; metadata: string }>('SELECT stream_id, type, data, metadata FROM ao_events ORDER BY global_position').iterate()) {
    if (pending.at(-1)?.[0] !== row.stream_id) {
      if (pending.length === 200) await flush()
      pending.push([row.stream_id, []])
    }
    pending.at(-1)![1].push({ type: row.type, data: JSON.parse(row.data) as Record<string, unknown>, metadata: JSON.parse(row.metadata) as Record<string, unknown> })
  }
  await flush()
  connection.close()
  source.close()
  renameSync(`${path}.tmp`, path)
  return path
}

const emmett = (o: RebuildComparison, peers: Peers, log: string, events: number): Rebuilder => ({
  name: `Emmett SQLite (consumer, \`sqliteRawBatchSQLProjection\`, batches of ${o.batchSize}, no pause between batches)`,
  async rebuild(round) {
    const store = peers.sqlite.getSQLiteEventStore({ fileName: log })
    // Emmett's log is kept between runs: a read model and a processor of this run's own, the
    // read model dropped once compared, so that a later run starts as this one did.
    const table = `current_owners_${process.pid}_${round}`
    const setup = peers.sqlite.sqliteConnection({ fileName: log })
    await setup.command(`CREATE TABLE ${table} (account_id TEXT PRIMARY KEY, owner_id TEXT, tier TEXT NOT NULL, position INTEGER NOT NULL)`)
    const consumer = store.consumer({ pulling: { batchSize: o.batchSize, pullingFrequencyInMs: 0 } })
    const sqlOf = (e: EmmettEvent & { metadata: { globalPosition: bigint } }): string => {
      const d = e.data
      const at = String(e.metadata.globalPosition)
      if (e.type === 'AccountOpened') return `INSERT INTO ${table} (account_id, owner_id, tier, position) VALUES (${quoted(d['accountId'])}, NULL, ${quoted(d['tier'])}, ${at})`
      if (e.type === 'OwnershipAssigned') return `UPDATE ${table} SET owner_id = ${quoted(d['ownerId'])}, position = ${at} WHERE account_id = ${quoted(d['accountId'])}`
      if (e.type === 'OwnershipTransferred') return `UPDATE ${table} SET owner_id = ${quoted(d['toOwnerId'])}, position = ${at} WHERE account_id = ${quoted(d['accountId'])}`
      return `UPDATE ${table} SET tier = ${quoted(d['tier'])}, position = ${at} WHERE account_id = ${quoted(d['accountId'])}`
    }
    consumer.processor({
      processorId: `current-owners-${process.pid}-${round}`,
      projection: peers.sqlite.sqliteRawBatchSQLProjection({ canHandle: handled, evolve: (batch) => batch.map((e) => sqlOf(e as EmmettEvent & { metadata: { globalPosition: bigint } })) }),
      startFrom: 'BEGINNING',
      stopAfter: (e) => e.metadata.globalPosition >= BigInt(events),
    })
    await consumer.start()
    await consumer.close()
    const rows = await setup.query<Row>(`SELECT account_id, owner_id, tier FROM ${table} ORDER BY account_id`)
    await setup.command(`DROP TABLE ${table}`)
    setup.close()
    return { rows }
  },
})

/** Runs the comparison: `rounds` rebuilds by each system, each from zero into a new read model. */
export const compareRebuilds = async (o: RebuildComparison): Promise<RebuildResults> => {
  const rebuilders = [raw(o), library(o)]
  if (o.peers !== undefined) rebuilders.push(emmett(o, o.peers, await emmettLogOf(o.peers, o.log), o.events))
  const seen: string[][] = rebuilders.map(() => [])
  let rows = 0
  const figures = await inRounds(rebuilders, o.rounds, async (system, round) => {
    const built = await system.rebuild(round)
    seen[rebuilders.indexOf(system)]!.push(rowsKey(built.rows))
    rows = built.rows.length
    return o.events
  })
  const all = seen.flat()
  return { figures, agreed: all.every((k) => k === all[0]) && rows > 0, rows }
}
