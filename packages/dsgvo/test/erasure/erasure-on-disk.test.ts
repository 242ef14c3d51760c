import { accountStream, type RecordedEvent, type SubjectId } from '@account-ownership/core'
import { account, cast, epoch, newEvent, openedAccountEvents, tenant } from '@account-ownership/core/testing'
import { encryptingEventStore, erase, erasedMarker } from '@account-ownership/dsgvo'
import { sqliteKeyStore } from '@account-ownership/dsgvo/sqlite'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { scratchDir } from '../scratch-dir.js'
import { mapped } from '../stakeholders.js'

const scratch = scratchDir('erasure-on-disk')

/** Every file SQLite keeps for a database: the file, its WAL and its shared-memory index. */
const bytesOf = (path: string): Buffer => Buffer.concat([path, `${path}-wal`, `${path}-shm`].filter(existsSync).map((p) => readFileSync(p)))

const holds = (bytes: Buffer, needle: string | Uint8Array) => bytes.includes(typeof needle === 'string' ? Buffer.from(needle, 'utf8') : Buffer.from(needle))

const checkpoint = (path: string) => {
  const db = new Database(path)
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
}

describe('erasure on disk', () => {
  it('leaves no plaintext, no key and no readable value of the subject in the log file, the key file or their WALs', async () => {
    const logPath = scratch.file('kunden.db')
    const keyPath = scratch.file('schluessel.db')
    const opened = openSqliteEventStore({ path: logPath })
    if (E.isLeft(opened)) throw opened.left
    const keyDb = new Database(keyPath)
    const keys = sqliteKeyStore(keyDb)
    const store = encryptingEventStore({ store: opened.right, keys })
    const personal = ['Erika Mustermann', 'erika.mustermann@example.de']
    const other = ['Max Muster', 'max.muster@example.de']
    const stream = accountStream(account())
    await store.append(stream, [...openedAccountEvents(), mapped('erika', personal[0]!, personal[1]!), mapped('max', other[0]!, other[1]!)].map((e) => newEvent(e)), { expectedVersion: 'no-stream' })
    const erikaKey = await keys.keyFor('stakeholder:erika' as SubjectId)
    if (E.isLeft(erikaKey) || erikaKey.right === undefined) throw new Error('no key for Erika')

    // Before: the key sits in the key file and the envelopes in the log — the scan sees them.
    checkpoint(logPath)
    expect(holds(bytesOf(keyPath), erikaKey.right.key)).toBe(true)
    expect(holds(bytesOf(logPath), 'pd1~stakeholder:erika~1~')).toBe(true)
    for (const text of [...personal, ...other]) expect(holds(Buffer.concat([bytesOf(logPath), bytesOf(keyPath)]), text)).toBe(false)

    const erased = await erase({ store, keys }, 'stakeholder:erika', { by: cast.dora, legalGround: 'art17-1-c-objection', at: epoch, tenantId: tenant })
    expect(E.isRight(erased)).toBe(true)
    checkpoint(logPath)

    const everything = Buffer.concat([bytesOf(logPath), bytesOf(keyPath)])
    expect(holds(everything, erikaKey.right.key)).toBe(false)
    for (const text of personal) expect(holds(everything, text)).toBe(false)
    const read: RecordedEvent[] = []
    for await (const e of store.readAll()) read.push(e)
    const names = read.filter((e) => e.type === 'StakeholderMapped').map((e) => (e.data as { name: string }).name)
    expect(names).toEqual([erasedMarker, 'Max Muster'])
    expect(read[read.length - 1]?.type).toBe('PersonalDataErased')
    await store.close()
    keyDb.close()
  })
})
