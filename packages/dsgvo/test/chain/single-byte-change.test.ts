// Property: change any single byte of any stored event — which row, which column, which byte,
// to which value, all generated — and `verifyChain` finds it and names the event's position.
import { verifyChain } from '@account-ownership/dsgvo'
import { removeAppendOnlyTriggers } from '@account-ownership/store-sqlite/testing'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { scratchDir } from '../scratch-dir.js'
import { chainedLog } from './chained-log.js'
import { storeOver } from './stored-rows.js'

const scratch = scratchDir('single-byte')
const textColumns = ['stream_id', 'event_id', 'type', 'data', 'metadata', 'recorded_at', 'hash'] as const
const integerColumns = ['global_position', 'stream_version', 'schema_version'] as const

const flipText = (value: string, at: number, to: number): Buffer => {
  const bytes = Buffer.from(value, 'utf8')
  bytes[at % bytes.length] = to
  return bytes
}

const flipInteger = (value: bigint, at: number, to: number): bigint => {
  const bytes = Buffer.alloc(8)
  bytes.writeBigInt64BE(value)
  bytes[at % 8] = to
  return bytes.readBigInt64BE()
}

describe('the hash chain', () => {
  it('finds every single-byte change of any stored event and names its position', async () => {
    const path = scratch.file()
    await (await chainedLog(path, scratch.file())).close()
    const db = new Database(path)
    removeAppendOnlyTriggers(db)
    const store = storeOver(db)
    db.defaultSafeIntegers(true)
    const count = Number((db.prepare('SELECT count(*) AS n FROM ao_events').get() as { n: bigint }).n)
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: count }),
        fc.constantFrom(...textColumns, ...integerColumns),
        fc.nat(),
        fc.integer({ min: 0, max: 255 }),
        async (position, column, byte, to) => {
          const original = db.prepare(`SELECT ${column} AS v, stream_id, stream_version FROM ao_events WHERE global_position = ?`).get(BigInt(position)) as { v: string | bigint; stream_id: string; stream_version: bigint }
          const changed = typeof original.v === 'bigint' ? flipInteger(original.v, byte, to) : flipText(original.v, byte, to)
          fc.pre(typeof changed === 'bigint' ? changed !== original.v : !changed.equals(Buffer.from(original.v as string, 'utf8')))
          db.exec('BEGIN')
          try {
            try {
              db.prepare(`UPDATE ao_events SET ${column} = ${typeof changed === 'bigint' ? '?' : 'CAST(? AS TEXT)'} WHERE global_position = ?`).run(changed, BigInt(position))
            } catch (e) {
              fc.pre((e as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT') !== true) // the change would break a UNIQUE key: SQLite refuses it
              throw e
            }
            const verified = await verifyChain(store.readStoredAll())
            if (column === 'global_position' && position === count && (changed as bigint) < 1n) {
              // The newest event moved before the first position is out of the log's range: to
              // the chain alone that is a log one event shorter — what a kept tree head catches
              // (see the transparency tests), not the chain.
              expect(E.isRight(verified) && verified.right.events).toBe(count - 1)
              return
            }
            expect(E.isLeft(verified)).toBe(true)
            if (E.isRight(verified) || verified.left._tag !== 'ChainBrokenError') throw new Error(`expected a broken chain, got ${JSON.stringify(verified)}`)
            const named = verified.left
            if (column === 'global_position') {
              // A moved position: the gap it left, or the moved event found out of place.
              expect(named.globalPosition === BigInt(position) || (named.streamId === original.stream_id && named.streamVersion === original.stream_version)).toBe(true)
            } else {
              expect(named.globalPosition).toBe(BigInt(position))
            }
          } finally {
            db.exec('ROLLBACK')
          }
        },
      ),
      { numRuns: 300 },
    )
    db.close()
  })
})
