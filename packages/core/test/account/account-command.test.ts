import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { accountCommandHandler, decodeAccountCommand, inMemoryEventStore, type EventStore } from '@account-ownership/core'
import { commandContext, invalidCommandArbitrary, invalidCommandsArbitrary, testPolicy } from '@account-ownership/core/testing'
import { accountId, dora, epoch, hanna, inDays, sven } from './history.js'

const head = async (store: EventStore) => (await store.headPosition()) as E.Right<bigint>

/* A store holding an open account owned by Hanna, and a handler over it. */
const withAccount = async () => {
  const store = inMemoryEventStore()
  const accounts = accountCommandHandler({ store, policy: testPolicy, clock: () => epoch })
  await accounts.handle({ type: 'OpenAccount', data: { accountId, tenantId: 'acme-de', displayName: 'ACME', tier: 'key' } }, commandContext(dora))
  await accounts.handle({ type: 'AssignOwner', data: { accountId, ownerId: hanna } }, commandContext(dora))
  return { store, accounts }
}

const grant = (expiresAt: unknown) => ({
  type: 'GrantAccess',
  data: { accountId, grantId: 'grant-1', granteeId: sven, scope: 'read', purpose: 'customer-support', purposeNote: 'Support ticket 4711', legalBasis: 'art6-1-b-contract', expiresAt },
})
const transfer = (reasonCode: string) => ({ type: 'TransferOwnership', data: { accountId, transferId: 'transfer-1', toOwnerId: 'felix', reasonCode } })

describe('bad input: an account command that fails its codec', () => {
  it('is refused by decodeAccountCommand naming the field to blame (missing, wrong type, empty, unknown word, unknown type)', () => {
    fc.assert(
      fc.property(invalidCommandArbitrary(), ({ input, field }) => {
        const decoded = decodeAccountCommand(input)
        expect(E.isLeft(decoded) && decoded.left.field).toBe(field)
      }),
      { numRuns: 500 },
    )
  })

  it('is refused by the command handler as an InvalidCommandError naming the field, and nothing is appended', async () => {
    const { store, accounts } = await withAccount()
    const before = await head(store)
    await fc.assert(
      fc.asyncProperty(invalidCommandsArbitrary(), async (commands) => {
        for (const { input, field } of commands) {
          const handled = await accounts.handle(input as never, commandContext(dora))
          expect(handled).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidCommandError', code: 'invalid-command', field })))
        }
        expect(await head(store)).toEqual(before)
      }),
    )
  })

  it.each([
    ['an instant without a time zone', '2026-03-19T09:00:00'],
    ['a date that does not exist', '2026-02-30T09:00:00Z'],
    ['a date that does not exist in this year', '2026-02-29T09:00:00Z'],
    ['beyond the year 9999', '9999-12-31T23:00:00-02:00'],
    ['no date at all', 'next Tuesday'],
    ['a number', 1773306000000],
  ])('refuses an expiry that is %s, naming data.expiresAt', async (_what, expiresAt) => {
    const { store, accounts } = await withAccount()
    const before = await head(store)
    expect(await accounts.handle(grant(expiresAt) as never, commandContext(hanna))).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidCommandError', field: 'data.expiresAt' })))
    expect(await head(store)).toEqual(before)
  })

  it('refuses a reason code that is not even a code as bad input, naming data.reasonCode', async () => {
    const { accounts } = await withAccount()
    expect(await accounts.handle(transfer('Because I Said So') as never, commandContext(hanna))).toEqual(
      E.left(expect.objectContaining({ _tag: 'InvalidCommandError', field: 'data.reasonCode' })),
    )
  })
})

describe('bad input the policy or the time decides', () => {
  it('refuses an unknown reason code as UnknownReasonCodeError naming data.reasonCode; nothing is appended', async () => {
    const { store, accounts } = await withAccount()
    const before = await head(store)
    expect(await accounts.handle(transfer('coffee-break') as never, commandContext(hanna))).toEqual(
      E.left(expect.objectContaining({ _tag: 'UnknownReasonCodeError', code: 'unknown-reason-code', field: 'data.reasonCode' })),
    )
    expect(await head(store)).toEqual(before)
  })

  it('refuses an expiry in the past as ExpiryInPastError naming data.expiresAt; nothing is appended', async () => {
    const { store, accounts } = await withAccount()
    const before = await head(store)
    expect(await accounts.handle(grant(inDays(-1)) as never, commandContext(hanna))).toEqual(
      E.left(expect.objectContaining({ _tag: 'ExpiryInPastError', field: 'data.expiresAt' })),
    )
    expect(await head(store)).toEqual(before)
  })

  it('normalises an expiry with a time zone to UTC before deciding', async () => {
    const { accounts } = await withAccount()
    const handled = await accounts.handle(grant('2026-03-19T10:00:00+01:00') as never, commandContext(hanna))
    expect(E.isRight(handled) && handled.right.events[0]?.data).toMatchObject({ expiresAt: '2026-03-19T09:00:00.000Z' })
  })
})

describe('bad input: the context of a command', () => {
  it.each([
    { what: 'an empty commandId', change: { commandId: '' }, field: 'context.commandId' },
    { what: 'a commandId with spaces', change: { commandId: 'cmd 1' }, field: 'context.commandId' },
    { what: 'an actor that is a number', change: { actor: 42 }, field: 'context.actor' },
    { what: 'an empty actor', change: { actor: '' }, field: 'context.actor' },
    { what: 'no tenant', change: { tenantId: undefined }, field: 'context.tenantId' },
    { what: 'an empty onBehalfOf', change: { onBehalfOf: '' }, field: 'context.onBehalfOf' },
    { what: 'an occurredAt that is no instant', change: { occurredAt: 'yesterday' }, field: 'context.occurredAt' },
  ])('refuses a context with $what, naming $field; nothing is appended', async ({ change, field }) => {
    const { store, accounts } = await withAccount()
    const before = await head(store)
    const context = { ...commandContext(hanna), ...change }
    expect(await accounts.handle({ type: 'ArchiveAccount', data: { accountId, reason: 'churned' } }, context as never)).toEqual(
      E.left(expect.objectContaining({ _tag: 'InvalidCommandError', field })),
    )
    expect(await head(store)).toEqual(before)
  })

  it('refuses a context that is no object', async () => {
    const { accounts } = await withAccount()
    expect(await accounts.handle({ type: 'ArchiveAccount', data: { accountId, reason: 'churned' } }, null as never)).toEqual(
      E.left(expect.objectContaining({ _tag: 'InvalidCommandError', field: 'context' })),
    )
  })
})

