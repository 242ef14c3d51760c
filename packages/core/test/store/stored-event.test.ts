import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { currentSchema, decodeStoredEvent, eventSchema, prepareEvents, type StoredEvent } from '@account-ownership/core'
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
})
