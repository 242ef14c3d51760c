import fc from 'fast-check'
import { createHash } from 'node:crypto'
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

// The hash as the chain is specified, fed piece by piece: the previous hash, then each field as `<UTF-8 length>:<field>`.
const specifiedHash = (previous: string, r: ChainedFields): string => {
  const hash = createHash('sha256').update(previous, 'utf8')
  for (const field of [r.streamId, String(r.streamVersion), r.eventId, r.type, String(r.schemaVersion), r.data, r.metadata, r.recordedAt]) {
    hash.update(`${Buffer.byteLength(field, 'utf8')}:`, 'utf8').update(field, 'utf8')
  }
  return hash.digest('hex')
}

describe('chainHash', () => {
  it('is the SHA-256 that logs were chained with (computed apart, outside Node)', () =>
    expect(chainHash(genesisHash, { ...row, type: 'AccountClassified', data: '{"accountId":"kunde-1","note":"Grüße €"}' })).toBe(
      '79a4f4cb9dd462a5e4581528d4820f942032881b704a7e23a104a3e5fc30a79a',
    ))

  it('equals the specified hash fed field by field, for any text in any field', () =>
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }), (data, metadata, eventId, previous) => {
        const r = { ...row, data, metadata, eventId }
        expect(chainHash(previous, r)).toBe(specifiedHash(previous, r))
      }),
    ))

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
