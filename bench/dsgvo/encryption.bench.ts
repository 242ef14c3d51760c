// The cost of encrypting personal data on append: `StakeholderMapped` events (a name and an
// e-mail, both encrypted with the contact person's key) appended one per append, through the
// encrypting store and — in the same run, in alternating rounds — through the same store without
// it. Twice: on the in-memory store, where only CPU counts and the encryption's share shows, and
// on a SQLite file (WAL, synchronous = FULL), as a user runs it. The in-memory case runs once
// with the keys in memory as well. Otherwise keys live in a SQLite key store file of their own
// and every 4th append names a new contact person, so a quarter of appends also
// create a key. Medians of 5 rounds after one warm-up round each.
import { accountStream, inMemoryEventStore, type AccountId, type EventStore, type NewEvent } from '@account-ownership/core'
import { encryptingEventStore } from '@account-ownership/dsgvo'
import { sqliteKeyStore } from '@account-ownership/dsgvo/sqlite'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'

const perRound = 2000
const rounds = 5
const accounts = 50
const dir = mkdtempSync(join(tmpdir(), 'ao-bench-dsgvo-encryption-'))
process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
let files = 0
const file = () => join(dir, `${++files}.db`)

const mapped = (tag: string, i: number): NewEvent =>
  ({
    type: 'StakeholderMapped',
    data: { accountId: `kunde-${i % accounts}`, stakeholderId: `${tag}-contact-${Math.floor(i / 4)}`, role: 'decision-maker', name: `Erika Mustermann ${i}`, email: `erika.mustermann.${i}@example.de`, mappedBy: 'hanna' },
    metadata: {
      eventId: `${tag}-evt-${i}`,
      occurredAt: '2026-03-12T09:00:00.000Z',
      actor: { principalId: 'hanna' },
      tenantId: 'acme-de',
      correlationId: `${tag}-corr-${i}`,
      causationId: `${tag}-corr-${i}`,
      commandId: `${tag}-cmd-${i}`,
    },
  }) as unknown as NewEvent

const appender = (store: EventStore, tag: string) => {
  let next = 0
  return async (): Promise<number> => {
    const start = performance.now()
    for (let n = 0; n < perRound; n++, next++) {
      const result = await store.append(accountStream(`kunde-${next % accounts}` as AccountId), [mapped(tag, next)], { expectedVersion: 'any' })
      if (result._tag === 'Left') throw result.left
    }
    return perRound / ((performance.now() - start) / 1000)
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

const compare = async (open: () => EventStore, keyFile: string = file()) => {
  const keyDb = new Database(keyFile)
  const plain = appender(open(), 'plain')
  const encrypted = appender(encryptingEventStore({ store: open(), keys: sqliteKeyStore(keyDb) }), 'enc')
  const p: number[] = []
  const e: number[] = []
  // One round each to warm up the JIT and the files; not counted.
  await plain()
  await encrypted()
  for (let r = 0; r < rounds; r++) {
    p.push(await plain())
    e.push(await encrypted())
  }
  keyDb.close()
  return { plain: median(p), encrypted: median(e) }
}

const sqlite = () => {
  const opened = openSqliteEventStore({ path: file() })
  if (opened._tag === 'Left') throw opened.left
  return opened.right
}

const pureCrypto = await compare(() => inMemoryEventStore(), ':memory:')
const memory = await compare(() => inMemoryEventStore())
const onDisk = await compare(sqlite)

const rate = (x: number) => `${Math.round(x).toLocaleString('en-US')} appends/s`
const cost = (r: { plain: number; encrypted: number }) => `${((1000 / r.encrypted - 1000 / r.plain) * 1000).toFixed(0)} µs`
console.log(
  [
    '## dsgvo: cost of encrypting personal data on append (AES-256-GCM per contact person)',
    '',
    `${perRound.toLocaleString('en-US')} \`StakeholderMapped\` appends per round (one event each, name and e-mail encrypted; a new key every 4th append), median of ${rounds} rounds, encrypted and plain rounds alternating in one process.`,
    '',
    '| store | plain | encrypted | added per append |',
    '|---|---:|---:|---:|',
    `| in memory, keys in memory | ${rate(pureCrypto.plain)} | ${rate(pureCrypto.encrypted)} | ${cost(pureCrypto)} |`,
    `| in memory, keys in a SQLite file | ${rate(memory.plain)} | ${rate(memory.encrypted)} | ${cost(memory)} |`,
    `| SQLite file (WAL, synchronous = FULL) | ${rate(onDisk.plain)} | ${rate(onDisk.encrypted)} | ${cost(onDisk)} |`,
    '',
  ].join('\n'),
)
