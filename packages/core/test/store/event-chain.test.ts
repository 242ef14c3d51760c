import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chainHash, genesisHash, type ChainedFields } from '@account-ownership/core'

const row: ChainedFields = {
  streamId: 'account-kunde-1',
  streamVersion: 3n,
  eventId: 'evt-1',
  type: 'AccountOpened',
  schemaVersion: 1,
  data: '{"accountId":"kunde-1"}',
  metadata: '{"eventId":"evt-1"}',
  recordedAt: '2026-03-12T09:00:00.000Z',
}
const changed: { [K in keyof ChainedFields]: ChainedFields[K] } = {
  streamId: 'account-kunde-2',
  streamVersion: 4n,
  eventId: 'evt-2',
  type: 'AccountArchived',
  schemaVersion: 2,
  data: '{"accountId":"kunde-2"}',
  metadata: '{"eventId":"evt-2"}',
  recordedAt: '2026-03-12T09:00:00.001Z',
}

describe('chainHash', () => {
  it.each(Object.keys(row) as Array<keyof ChainedFields>)('changes when %s changes', (field) => {
    expect(chainHash(genesisHash, { ...row, [field]: changed[field] })).not.toBe(chainHash(genesisHash, row))
  })

  it('changes with the previous hash', () => expect(chainHash('f'.repeat(64), row)).not.toBe(chainHash(genesisHash, row)))

  it('changes when any one character of the data or metadata changes, and when bytes move between fields', () =>
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), (a, b) => {
        const base = chainHash(genesisHash, { ...row, data: a + b, metadata: '' })
        expect(chainHash(genesisHash, { ...row, data: a, metadata: b })).not.toBe(b === '' ? 'never' : base)
        expect(chainHash(genesisHash, { ...row, data: `${a}x${b}` })).not.toBe(chainHash(genesisHash, { ...row, data: `${a}y${b}` }))
      }),
    ))

  it('is the same for the same fields (deterministic)', () => expect(chainHash(genesisHash, { ...row })).toBe(chainHash(genesisHash, row)))
})
