import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { currentSchema, decodeStoredEvent, decodesAsStored, eventSchema, prepareEvents, type StoredEvent } from '@account-ownership/core'
import { newEvent, openedAccountEvents } from '@account-ownership/core/testing'

const [prepared] = (prepareEvents([newEvent(openedAccountEvents()[0]!, { eventId: 'evt-1' })], currentSchema) as E.Right<ReadonlyArray<Omit<StoredEvent, 'streamId'>>>).right
const row: StoredEvent = { ...prepared!, streamId: 'account-kunde-1', streamVersion: 0n, globalPosition: 7n, recordedAt: '2026-03-12T09:00:01.000Z' }

const corruption = (change: Partial<StoredEvent>, schema = currentSchema) => {
  const decoded = decodeStoredEvent({ ...row, ...change }, schema)
  if (E.isRight(decoded)) throw new Error('expected the row to be corrupt')
  return decoded.left
}

describe('decodeStoredEvent', () => {
  it('turns a stored row back into the recorded event', () => {
    const decoded = decodeStoredEvent(row, currentSchema)
    expect(decoded).toEqual(E.right(expect.objectContaining({ type: 'AccountOpened', data: openedAccountEvents()[0]!.data })))
    expect(E.isRight(decoded) && decoded.right.metadata).toMatchObject({ eventId: 'evt-1', streamId: 'account-kunde-1', streamVersion: 0n, globalPosition: 7n, schemaVersion: 1 })
  })

  it('upcasts an old row on the way', () => {
    const schema = eventSchema({ AccountOpened: { 1: (d) => ({ ...(d as object), displayName: 'renamed' }) } })
    const decoded = decodeStoredEvent(row, schema)
    expect(E.isRight(decoded) && decoded.right.data).toMatchObject({ displayName: 'renamed' })
  })

  it.each([
    ['data that is not JSON', { data: '{"accountId":' }, /data is not JSON/],
    ['metadata that is not JSON', { metadata: 'nope' }, /metadata is not JSON/],
    ['data missing a field', { data: JSON.stringify({ ...JSON.parse(row.data), tier: undefined }) }, /data\.tier: expected/],
    ['an unknown type', { type: 'AccountTeleported' }, /^type: expected one of/],
    ['metadata with an empty commandId', { metadata: JSON.stringify({ ...JSON.parse(row.metadata), commandId: '' }) }, /metadata\.commandId/],
    ['a recordedAt that is no instant', { recordedAt: 'gestern' }, /recordedAt/],
    ['an event id that differs from the row', { eventId: 'evt-2' }, /differs from the row's evt-2/],
    ['a schema version newer than known', { schemaVersion: 2 }, /newer than this library knows/],
  ])('refuses %s as a CorruptEventError naming stream, version and position', (_what, change, reason) => {
    const error = corruption(change)
    expect(error).toMatchObject({ _tag: 'CorruptEventError', streamId: 'account-kunde-1', streamVersion: 0n, globalPosition: 7n })
    expect(error.reason).toMatch(reason)
    expect(error.message).toMatch(/corrupt event in account-kunde-1 at version 0 \(position 7\)/)
  })

  // What a damaged file or a row written around the store hands back; the payload itself is fine.
  it.each([
    ['data as bytes', { data: Buffer.from(row.data) as unknown as string }, /^data: expected text, got/],
    ['metadata as null', { metadata: null as unknown as string }, /^metadata: expected text, got null/],
    ['a stream id as a number', { streamId: 7 as unknown as string }, /^streamId: expected text/],
    ['a stream version as text', { streamVersion: '0' as unknown as bigint }, /^streamVersion: expected an integer/],
    ['a stream version as a fraction', { streamVersion: 1.5 as unknown as bigint }, /^streamVersion: expected an integer/],
    ['a position as a number', { globalPosition: 7 as unknown as bigint }, /^globalPosition: expected an integer/],
    ['a schema version that is no number', { schemaVersion: Number.NaN }, /^schemaVersion: expected a whole number/],
  ])('refuses a row with %s, which is not of the row format', (_what, change, reason) => {
    expect(corruption(change).reason).toMatch(reason)
  })
})

describe('decodesAsStored', () => {
  const metadata = JSON.parse(row.metadata) as Record<string, unknown>
  it('holds for a row the store wrote: decoding answers its own JSON', () => {
    expect(decodesAsStored(row, currentSchema)).toBe(true)
    const decoded = decodeStoredEvent(row, currentSchema)
    expect(E.isRight(decoded) && JSON.stringify(decoded.right.data)).toBe(row.data)
  })

  it.each([
    ['an instant in another offset, which decoding normalises', { metadata: JSON.stringify({ ...metadata, occurredAt: '2026-03-12T10:00:00+01:00' }) }],
    ['data that is not JSON', { data: '{' }],
    ['a recordedAt that is no instant', { recordedAt: 'gestern' }],
    ['an event id that differs from the metadata', { eventId: 'evt-2' }],
    ['a stream version as text', { streamVersion: '0",9,"x' as unknown as bigint }],
  ])('does not hold for %s', (_what, change) => {
    expect(decodesAsStored({ ...row, ...change }, currentSchema)).toBe(false)
  })

  it('does not hold for a row at an older schema version, which decoding upcasts', () => {
    expect(decodesAsStored(row, eventSchema({ AccountOpened: { 1: (d) => d } }))).toBe(false)
  })

  it('does not hold where decoding normalises, and then the decoded event differs from the stored JSON', () => {
    const offset = { ...row, metadata: JSON.stringify({ ...metadata, occurredAt: '2026-03-12T10:00:00+01:00' }) }
    const decoded = decodeStoredEvent(offset, currentSchema)
    expect(E.isRight(decoded) && decoded.right.metadata.occurredAt).toBe('2026-03-12T09:00:00.000Z')
  })
})
