/**
 * Erasure that reaches everything: after a sole trader, an employee and a contact person are
 * erased, no file the library wrote holds their plaintext — the event log and its WAL, the key
 * store, the SQLite read models with the audit tables, and a `pg_dump` of the same read models on
 * PostgreSQL — in UTF-8, UTF-16LE or UTF-16BE. Before the erasure the same scan finds the copies
 * in the read models, so it is able to see them.
 */
import { accountStream, principalStream, type AccountEvent, type AccountId, type EventStore, type NewEvent, type StreamId } from '@account-ownership/core'
import { cast, epoch, newEvent, tenant } from '@account-ownership/core/testing'
import { auditProjection, encryptingEventStore, erase, type AuditTables } from '@account-ownership/dsgvo'
import { sqliteKeyStore } from '@account-ownership/dsgvo/sqlite'
import { projectionRuntime, readModelProjections, type ReadModels } from '@account-ownership/projections'
import { postgresReadModels } from '@account-ownership/projections/postgres'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { postgresDatabase } from '../postgres-database.js'
import { scratchDir } from '../scratch-dir.js'
import { mapped } from '../stakeholders.js'

const scratch = scratchDir('erasure-everywhere')
const server = await postgresDatabase('erasure_everywhere')

const anna = 'kunde-anna' as AccountId
// What the log holds of each subject to be erased, and of one who stays.
const erased = {
  'account:kunde-anna': ['Bäckerei Anna Schmidt e.K.', 'Inhaberin plant Übergabe an Tochter'],
  'principal:sven': ['Vertretung während Svens Kur', 'Sven: Burnout, Elternzeit danach'],
  'stakeholder:erika': ['Erika Mustermann', 'erika.mustermann@example.de'],
} as const
const stays = 'Jahresabschluss durch Adas Team'

const grant = (grantId: string, granteeId: string, purposeNote: string): AccountEvent => ({
  type: 'AccessGranted',
  data: { accountId: anna, grantId: grantId as never, granteeId: granteeId as never, scope: 'read', purpose: 'customer-support', purposeNote, legalBasis: 'art6-1-b-contract', grantedBy: cast.hanna, validFrom: epoch, expiresAt: null },
})

const encodings = (text: string): ReadonlyArray<[string, Buffer]> => {
  const le = Buffer.from(text, 'utf16le')
  return [
    ['UTF-8', Buffer.from(text, 'utf8')],
    ['UTF-16LE', le],
    ['UTF-16BE', Buffer.from(le).swap16()],
  ]
}

/** The encodings in which `bytes` hold `text`. */
const foundIn = (bytes: Buffer, text: string): ReadonlyArray<string> => encodings(text).filter(([, needle]) => bytes.includes(needle)).map(([name]) => name)

/** Every file SQLite keeps for a database: the file, its WAL and its shared-memory index. */
const bytesOf = (path: string): Buffer => Buffer.concat([path, `${path}-wal`, `${path}-shm`].filter(existsSync).map((p) => readFileSync(p)))

const history = async (store: EventStore) => {
  const append = async (stream: StreamId, events: ReadonlyArray<NewEvent>) => {
    const appended = await store.append(stream, events, { expectedVersion: 'any' })
    if (E.isLeft(appended)) throw appended.left
  }
  await append(accountStream(anna), [
    newEvent({ type: 'AccountOpened', data: { accountId: anna, tenantId: tenant, displayName: erased['account:kunde-anna'][0], tier: 'standard', openedBy: cast.dora, soleTrader: true } }),
    newEvent({ type: 'OwnershipAssigned', data: { accountId: anna, ownerId: cast.hanna, assignedBy: cast.dora } }),
    newEvent({ type: 'AccountClassified', data: { accountId: anna, tier: 'key', score: 70, criteria: [erased['account:kunde-anna'][1]], classifiedBy: cast.dora } }),
    newEvent(grant('g-sven', cast.sven, erased['principal:sven'][0])),
    newEvent(grant('g-ada', cast.ada, stays)),
    newEvent(mapped('erika', erased['stakeholder:erika'][0], erased['stakeholder:erika'][1], anna)),
  ])
  await append(principalStream(cast.sven), [
    newEvent({ type: 'PrincipalOffboarded', data: { principalId: cast.sven, successorId: null, offboardedBy: cast.dora, reason: erased['principal:sven'][1] } } as unknown as AccountEvent),
  ])
}

const project = async (store: EventStore, db: Kysely<ReadModels & AuditTables>) => {
  const run = await projectionRuntime({ store, db, projections: [...readModelProjections, auditProjection()] }).runUntilCaughtUp()
  if (E.isLeft(run)) throw run.left
}

describe('erasure reaches every file the library wrote', () => {
  const logPath = scratch.file('kunden.db')
  const keyPath = scratch.file('schluessel.db')
  const readModelPath = scratch.file('lesemodelle.db')
  let store: EventStore
  let keyDb: Database.Database
  let readModelFile: Database.Database
  let sqliteDb: Kysely<ReadModels & AuditTables>
  let pgDb: Kysely<ReadModels & AuditTables> | undefined
  let before: { readonly readModels: Buffer; readonly dump: Buffer | undefined }
  const dump = (): Buffer | undefined => (server.skip === undefined ? execFileSync('pg_dump', ['-h', '127.0.0.1', '-U', 'postgres', '-d', server.name], { maxBuffer: 64 * 1024 * 1024 }) : undefined)

  beforeAll(async () => {
    const opened = openSqliteEventStore({ path: logPath })
    if (E.isLeft(opened)) throw opened.left
    keyDb = new Database(keyPath)
    const keys = sqliteKeyStore(keyDb)
    store = encryptingEventStore({ store: opened.right, keys })
    readModelFile = new Database(readModelPath)
    sqliteDb = sqliteReadModels<ReadModels & AuditTables>(readModelFile)
    pgDb = server.skip === undefined ? postgresReadModels<ReadModels & AuditTables>(server.pool()) : undefined
    await history(store)
    await project(store, sqliteDb)
    if (pgDb !== undefined) await project(store, pgDb)
    before = { readModels: bytesOf(readModelPath), dump: dump() }
    for (const subject of Object.keys(erased)) {
      const done = await erase({ store, keys }, subject, { by: cast.dora, legalGround: 'art17-1-c-objection', at: epoch, tenantId: tenant })
      if (E.isLeft(done)) throw done.left
    }
    await project(store, sqliteDb)
    if (pgDb !== undefined) await project(store, pgDb)
  })

  afterAll(async () => {
    await sqliteDb?.destroy()
    await pgDb?.destroy()
    await store?.close()
    keyDb?.close()
  })

  it('before the erasure the scan sees the copies in the read models: the sole trader’s name and the grant notes', () => {
    // What a delete or an overwrite frees is zeroed in the read-model file, as in the key store.
    expect(readModelFile.pragma('secure_delete', { simple: true })).toBe(1)
    for (const text of [erased['account:kunde-anna'][0], erased['principal:sven'][0], stays]) expect(foundIn(before.readModels, text)).not.toEqual([])
  })

  it.each(Object.entries(erased))('after the erasure of %s: nothing of them in the log, its WAL, the key store or the SQLite read models', (_subject, texts) => {
    const files = { log: bytesOf(logPath), keys: bytesOf(keyPath), readModels: bytesOf(readModelPath) }
    for (const text of texts) for (const [file, bytes] of Object.entries(files)) expect([file, text, foundIn(bytes, text)]).toEqual([file, text, []])
    // Who was not erased is still there: the scan did not go blind.
    expect(foundIn(files.readModels, stays)).toContain('UTF-8')
  })

  it('a read model rebuilt from the log after the erasures holds the same rows as the one that applied them', async () => {
    const rebuilt = sqliteReadModels<ReadModels & AuditTables>(scratch.file('neu.db'))
    await project(store, rebuilt)
    const tables = async (db: Kysely<ReadModels & AuditTables>) => ({
      owners: await db.selectFrom('current_owners').select(['account_id', 'display_name', 'sole_trader', 'position']).orderBy('account_id').execute(),
      grants: await db.selectFrom('access_grants').select(['grant_id', 'purpose', 'purpose_note']).orderBy('grant_id').execute(),
    })
    const incremental = await tables(sqliteDb)
    expect(incremental.owners.map((o) => o.display_name)).toEqual(['[erased]'])
    expect(await tables(rebuilt)).toEqual(incremental)
    await rebuilt.destroy()
  })

  it.skipIf(server.skip !== undefined)(`after the erasures: nothing of them in a pg_dump of the PostgreSQL read models${server.skip === undefined ? '' : ` (skipped: ${server.skip})`}`, () => {
    expect(foundIn(before.dump!, erased['account:kunde-anna'][0])).not.toEqual([])
    const after = dump()!
    for (const text of Object.values(erased).flat()) expect([text, foundIn(after, text)]).toEqual([text, []])
    expect(foundIn(after, stays)).toContain('UTF-8')
  })
})
