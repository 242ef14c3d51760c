import { accountStream, checkImport, inMemoryEventStore, type AccountId, type StoredEvent, type StreamTip } from '@account-ownership/core'
import { account, newEvent, openedAccountEvents } from '@account-ownership/core/testing'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'

// A log of five accounts appended round-robin, as stored rows with their chain hashes.
const storedLog = async (): Promise<StoredEvent[]> => {
  const store = inMemoryEventStore()
  const accounts = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, events: openedAccountEvents(account(id)) }))
  for (let i = 0; i < 4; i++) {
    for (const a of accounts) {
      const appended = await store.append(accountStream(a.id as AccountId), [newEvent(a.events[i]!, { eventId: `${a.id}-${i}` })], { expectedVersion: 'any' })
      if (E.isLeft(appended)) throw appended.left
    }
  }
  const rows: StoredEvent[] = []
  for await (const row of store.readStoredAll()) rows.push(row)
  return rows
}
const log = await storedLog()

// Feed `rows` in consecutive batches cut at `cuts`, as a target does: tips and head move with each accepted batch.
const importInBatches = (rows: ReadonlyArray<StoredEvent>, cuts: ReadonlyArray<number>) => {
  const tips = new Map<string, StreamTip>()
  let head = 0n
  const bounds = [0, ...[...new Set(cuts)].sort((x, y) => x - y), rows.length]
  for (let b = 0; b + 1 < bounds.length; b++) {
    const batch = rows.slice(bounds[b], bounds[b + 1])
    if (batch.length === 0) continue
    const checked = checkImport(batch, tips, head)
    if (E.isLeft(checked)) return checked
    for (const r of batch) tips.set(r.streamId, { version: r.streamVersion, hash: r.hash! })
    head = batch[batch.length - 1]!.globalPosition
  }
  return E.right(head)
}

const hashed = ['streamId', 'streamVersion', 'eventId', 'type', 'schemaVersion', 'data', 'metadata', 'recordedAt', 'hash'] as const
const changed = (row: StoredEvent, field: (typeof hashed)[number]): StoredEvent => {
  const value = row[field]
  return { ...row, [field]: typeof value === 'bigint' ? value + 1n : typeof value === 'number' ? value + 1 : `${value as string}x` }
}

describe('checkImport', () => {
  it('accepts a stored log in any split into batches', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: log.length - 1 }), { maxLength: 6 }), (cuts) => {
        expect(importInBatches(log, cuts)).toEqual(E.right(BigInt(log.length)))
      }),
    )
  })

  it('refuses a log in which any covered field of any row was changed, naming a row at or before it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: log.length - 1 }), fc.constantFrom(...hashed), fc.array(fc.integer({ min: 1, max: log.length - 1 }), { maxLength: 4 }), (at, field, cuts) => {
        const tampered = log.map((r, i) => (i === at ? changed(r, field) : r))
        const result = importInBatches(tampered, cuts)
        expect(E.isLeft(result)).toBe(true)
      }),
    )
  })

  it('refuses rows that do not follow the head, a missing first event, a duplicate id and an empty import, naming the field', () => {
    const tips = new Map<string, StreamTip>()
    expect(checkImport([], tips, 0n)).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field: 'rows' })))
    expect(checkImport(log, tips, 1n)).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field: 'rows[0].globalPosition' })))
    expect(checkImport(log.slice(5), tips, 0n)).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field: 'rows[0].streamVersion' })))
    expect(checkImport([log[0]!, { ...log[0]!, globalPosition: 99n }], tips, 0n)).toEqual(E.left(expect.objectContaining({ _tag: 'DuplicateEventError' })))
    expect(checkImport([{ ...log[0]!, data: 5 } as unknown as StoredEvent], tips, 0n)).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field: 'rows[0].data' })))
  })

  it('refuses a gap in the positions for a store whose positions are dense, and only for such a store', () => {
    const tips = new Map<string, StreamTip>()
    const gapped = log.slice(0, 3).map((row, i) => (i === 2 ? { ...row, globalPosition: row.globalPosition + 10n } : row))
    expect(checkImport(log.slice(0, 3), tips, 0n, { dense: true })).toEqual(E.right(undefined))
    expect(checkImport(gapped, tips, 0n, { dense: true })).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field: 'rows[2].globalPosition' })))
    expect(checkImport(log.slice(0, 3).map((row) => ({ ...row, globalPosition: row.globalPosition + 5n })), tips, 0n, { dense: true })).toEqual(E.left(expect.objectContaining({ field: 'rows[0].globalPosition' })))
    expect(checkImport(gapped, tips, 0n)).toEqual(E.right(undefined))
  })
})
