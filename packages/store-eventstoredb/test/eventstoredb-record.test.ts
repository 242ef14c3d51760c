import { chainHash, genesisHash } from '@account-ownership/core'
import { proposalOf, storedEventOf, type ChainedRow, type ServerRecord } from '@account-ownership/store-eventstoredb'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'

// What the server does to a proposal: keeps the JSON bytes the client sends, and the client
// parses them again on read.
const throughServer = (row: ChainedRow, offset: bigint): ServerRecord => {
  const proposal = proposalOf(row, { correlationId: 'corr-1', causationId: 'cause-1' })
  return {
    streamId: row.streamId,
    revision: row.streamVersion,
    type: proposal.type,
    isJson: true,
    data: JSON.parse(JSON.stringify(proposal.data)) as unknown,
    metadata: JSON.parse(JSON.stringify(proposal.metadata)) as unknown,
    position: { commit: offset, prepare: offset },
  }
}

const rowWith = (data: string): ChainedRow => {
  const row = {
    eventId: 'e-1',
    type: 'AccountOpened',
    schemaVersion: 1,
    data,
    metadata: '{"eventId":"e-1"}',
    streamId: 'account-kunde-1',
    streamVersion: 0n,
    recordedAt: '2026-03-12T09:00:00.000Z',
  }
  return { ...row, previousHash: genesisHash, hash: chainHash(genesisHash, row) }
}

describe('a stored event on the server', () => {
  it('reads back byte for byte, so its chain hash still holds, whatever JSON its payload is', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.bigInt({ min: 1n, max: 1n << 40n }), (value, offset) => {
        const row = rowWith(JSON.stringify(value))
        const stored = storedEventOf(throughServer(row, offset))
        expect(stored).toEqual(E.right({ ...row, globalPosition: offset * 2n }))
        if (E.isRight(stored)) expect(chainHash(stored.right.previousHash!, stored.right)).toBe(row.hash)
      }),
    )
  })

  it('carries $correlationId and $causationId for the server\'s own projections', () => {
    expect(proposalOf(rowWith('{}'), { correlationId: 'corr-1', causationId: 'cause-1' }).metadata).toMatchObject({ $correlationId: 'corr-1', $causationId: 'cause-1' })
  })

  it.each<[string, Partial<ServerRecord>, string]>([
    ['an event without this library\'s metadata', { metadata: { $correlationId: 'x' } }, 'CorruptEventError'],
    ['an event with binary data', { isJson: false, data: new Uint8Array([1, 2]) }, 'CorruptEventError'],
    ['an event whose metadata lost its hash', { metadata: { accountOwnership: { eventId: 'e-1', schemaVersion: 1, recordedAt: 'x', metadata: '{}', previousHash: genesisHash } } }, 'CorruptEventError'],
    ['an event the server gives no position', { position: undefined }, 'StoreUnavailableError'],
  ])('refuses %s with a typed error naming stream and version', (_what, change, tag) => {
    const stored = storedEventOf({ ...throughServer(rowWith('{}'), 1000n), ...change })
    expect(stored).toEqual(E.left(expect.objectContaining({ _tag: tag })))
    if (E.isLeft(stored)) expect(stored.left.message).toContain('account-kunde-1')
  })
})
