/**
 * The staging area (Zwischenlager) of an import: a scratch SQLite file that every row is written
 * to as it is read, so that a history of millions of rows arriving in any order can be replayed
 * per account in business-time order with flat memory. Ties in time are broken stably: an
 * account's creation first, then Salesforce's record ids (handed out in creation order), then the
 * order the rows were read in. A row is known by its account and its key (the source's row id):
 * the same key in two accounts' histories names two rows (two files that number their rows
 * alike), the same key twice in one account's history is a duplicate, and the first is kept. The
 * file is deleted when the import ends.
 *
 * @module
 */
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { OwnerRef, OwnershipChange, SourceAccount, SourceItem, SourceSystem } from '../owner-change.js'
import { sourceFields, systemOfKey } from '../owner-change.js'
import { rowProblem, type RowPlace, type RowProblem } from '../row-problem.js'

/**
 * The rows of an import, staged.
 * @category migration
 * @since 0.3.0
 */
export interface StagingArea {
  /** Stage one item; a duplicate is reported to `problem` and not staged. */
  readonly add: (item: SourceItem, problem: (p: RowProblem) => void) => void
  /** All rows are in: index them for the replay. */
  readonly seal: () => void
  /** Whether some file listed accounts (then history of an unlisted account is unknown). */
  readonly accountsListed: () => boolean
  readonly accountCount: () => number
  /** The accounts in id order, a page at a time. */
  readonly accounts: () => Iterable<SourceAccount>
  /**
   * One account's changes in business-time order, creation first; ties in Salesforce's record id
   * order (ids are handed out in creation order), elsewhere in reading order.
   */
  readonly changesOf: (accountId: string) => ReadonlyArray<OwnershipChange>
  /** Salesforce's rows of names that no row of ids pairs with. */
  readonly unpairedNameRows: () => Iterable<RowPlace>
  readonly close: () => void
}

const schema = `
  CREATE TABLE account (id TEXT PRIMARY KEY, name TEXT, owner_kind TEXT, owner_id TEXT, created_at INTEGER, owner_since INTEGER, listed INTEGER NOT NULL, file TEXT, line INTEGER, id_field TEXT, owner_field TEXT, system TEXT) WITHOUT ROWID;
  CREATE TABLE change (seq INTEGER PRIMARY KEY, account TEXT NOT NULL, kind INTEGER NOT NULL, at INTEGER NOT NULL, from_kind TEXT, from_id TEXT, to_kind TEXT NOT NULL, to_id TEXT, by TEXT, reason TEXT, key TEXT NOT NULL, pair_key TEXT, file TEXT NOT NULL, line INTEGER NOT NULL, UNIQUE (account, key));
  CREATE TABLE names_row (pair_key TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL);
`

interface AccountRow {
  id: string
  name: string | null
  owner_kind: string | null
  owner_id: string | null
  created_at: number | null
  owner_since: number | null
  listed: number
  file: string | null
  line: number | null
  id_field: string | null
  owner_field: string | null
  system: SourceSystem | null
}
interface ChangeRow {
  account: string
  kind: number
  at: number
  from_kind: string | null
  from_id: string | null
  to_kind: string
  to_id: string | null
  by: string | null
  reason: string | null
  key: string
  pair_key: string | null
  file: string
  line: number
}

const ownerRow = (o: OwnerRef | null): [string | null, string | null] => (o === null ? [null, null] : o.kind === 'person' ? ['person', o.id] : ['nobody', null])
const ownerOfRow = (kind: string | null, id: string | null): OwnerRef | null => (kind === null ? null : kind === 'person' && id !== null ? { kind: 'person', id } : { kind: 'nobody' })

const accountOfRow = (r: AccountRow): SourceAccount => ({
  accountId: r.id,
  displayName: r.name ?? r.id,
  currentOwner: ownerOfRow(r.owner_kind, r.owner_id),
  createdAt: r.created_at,
  ownerSince: r.owner_since,
  listed: r.listed === 1,
  place: { file: r.file ?? '', line: r.line ?? 0 },
  fields: { id: r.id_field ?? 'id', owner: r.owner_field ?? 'owner' },
  system: r.system ?? 'csv',
})

const changeOfRow = (r: ChangeRow): OwnershipChange => ({
  accountId: r.account,
  kind: r.kind === 0 ? 'created' : 'owner',
  at: r.at,
  from: ownerOfRow(r.from_kind, r.from_id),
  to: ownerOfRow(r.to_kind, r.to_id) ?? { kind: 'nobody' },
  changedBy: r.by,
  reason: r.reason,
  key: r.key,
  pairKey: r.pair_key,
  place: { file: r.file, line: r.line },
})

/* Rows are committed in batches: one transaction per row would make staging a million rows take minutes. */
const batchSize = 10_000

/**
 * A new, empty staging area in a scratch directory under `dir` (the system's temp directory by default).
 * @category migration
 * @since 0.3.0
 */
export const openStagingArea = (dir: string = tmpdir()): StagingArea => {
  const folder = mkdtempSync(join(dir, 'crm-migration-'))
  const db = new Database(join(folder, 'staging.db'))
  db.pragma('journal_mode = OFF')
  db.pragma('synchronous = OFF')
  db.exec(schema)
  const findAccount = db.prepare<[string], AccountRow>('SELECT * FROM account WHERE id = ?')
  const insertAccount = db.prepare('INSERT INTO account VALUES (@id, @name, @owner_kind, @owner_id, @created_at, @owner_since, @listed, @file, @line, @id_field, @owner_field, @system)')
  const mergeAccount = db.prepare(`UPDATE account SET name = coalesce(name, @name), owner_kind = coalesce(owner_kind, @owner_kind), owner_id = coalesce(owner_id, @owner_id),
    created_at = coalesce(created_at, @created_at), owner_since = coalesce(owner_since, @owner_since), listed = max(listed, @listed),
    file = CASE WHEN listed = 0 AND @listed = 1 THEN @file ELSE coalesce(file, @file) END, line = CASE WHEN listed = 0 AND @listed = 1 THEN @line ELSE coalesce(line, @line) END,
    id_field = coalesce(id_field, @id_field), owner_field = coalesce(owner_field, @owner_field), system = coalesce(system, @system) WHERE id = @id`)
  const placeholder = db.prepare('INSERT OR IGNORE INTO account (id, listed, system) VALUES (?, 0, ?)')
  const insertChange = db.prepare('INSERT OR IGNORE INTO change (account, kind, at, from_kind, from_id, to_kind, to_id, by, reason, key, pair_key, file, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
  const firstOfKey = db.prepare<[string, string], { file: string; line: number }>('SELECT file, line FROM change WHERE account = CAST(? AS TEXT) AND key = ?')
  const insertNames = db.prepare('INSERT INTO names_row VALUES (?, ?, ?)')
  const changesOf = db.prepare<[string], ChangeRow>("SELECT * FROM change WHERE account = CAST(? AS TEXT) ORDER BY at, kind, CASE WHEN key LIKE 'salesforce:%' THEN key END, seq")
  let pending = 0
  let open = false
  const inBatch = (): void => {
    if (!open) {
      db.exec('BEGIN')
      open = true
    }
    if (++pending >= batchSize) {
      db.exec('COMMIT; BEGIN')
      pending = 0
    }
  }

  const addAccount = (a: SourceAccount, problem: (p: RowProblem) => void): void => {
    const [owner_kind, owner_id] = ownerRow(a.currentOwner)
    const row = { id: a.accountId, name: a.displayName, owner_kind, owner_id, created_at: a.createdAt, owner_since: a.ownerSince, listed: a.listed ? 1 : 0, file: a.place.file, line: a.place.line, id_field: a.fields.id, owner_field: a.fields.owner, system: a.system }
    const found = findAccount.get(a.accountId)
    if (found === undefined) insertAccount.run(row)
    else if (found.listed === 1 && a.listed && found.file === a.place.file) {
      problem(rowProblem('duplicate-id', a.place, a.fields.id, `the same account as on line ${found.line}`))
    } else mergeAccount.run(row)
  }

  const addChange = (c: OwnershipChange, problem: (p: RowProblem) => void): void => {
    placeholder.run(c.accountId, systemOfKey(c.key))
    const [fromKind, fromId] = ownerRow(c.from)
    const [toKind, toId] = ownerRow(c.to)
    const added = insertChange.run(c.accountId, c.kind === 'created' ? 0 : 1, c.at, fromKind, fromId, toKind, toId, c.changedBy, c.reason, c.key, c.pairKey, c.place.file, c.place.line)
    if (added.changes === 0) {
      const first = firstOfKey.get(c.accountId, c.key)
      problem(rowProblem('duplicate-id', c.place, sourceFields(c.key).rowId, `the same row as ${first?.file === c.place.file ? '' : `${first?.file} `}line ${first?.line}`))
    }
  }

  return {
    add(item, problem) {
      inBatch()
      if (item._tag === 'account') addAccount(item.account, problem)
      else if (item._tag === 'change') addChange(item.change, problem)
      else insertNames.run(item.pairKey, item.place.file, item.place.line)
    },
    seal() {
      if (open) db.exec('COMMIT')
      open = false
      db.exec('CREATE INDEX change_order ON change (account, at, kind, seq); CREATE INDEX change_pair ON change (pair_key)')
    },
    accountsListed: () => db.prepare('SELECT 1 FROM account WHERE listed = 1 LIMIT 1').get() !== undefined,
    accountCount: () => (db.prepare('SELECT count(*) AS n FROM account').get() as { n: number }).n,
    *accounts() {
      const page = db.prepare<[string], AccountRow>('SELECT * FROM account WHERE id > CAST(? AS TEXT) ORDER BY id LIMIT 500')
      let after = ''
      for (;;) {
        const rows = page.all(after)
        if (rows.length === 0) return
        for (const row of rows) yield accountOfRow(row)
        after = rows[rows.length - 1]!.id
      }
    },
    changesOf: (accountId) => changesOf.all(accountId).map(changeOfRow),
    *unpairedNameRows() {
      const rows = db.prepare<[], RowPlace>('SELECT file, line FROM names_row n WHERE NOT EXISTS (SELECT 1 FROM change c WHERE c.pair_key = n.pair_key) ORDER BY file, line').all()
      yield* rows
    },
    close() {
      db.close()
      rmSync(folder, { recursive: true, force: true })
    },
  }
}
