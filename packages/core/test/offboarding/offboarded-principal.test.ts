import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  accountCommandHandler,
  accountStream,
  inMemoryEventStore,
  offboardingsWithSuccessors,
  principalCommandHandler,
  storePrincipalDirectory,
  type AccountCommandInput,
  type AccountId,
  type EventStore,
  type PrincipalId,
} from '@account-ownership/core'
import { cast, commandContext, epoch, tenant, testPolicy } from '@account-ownership/core/testing'

const { dora, hanna, felix, sven, ada } = cast
const accountId = 'kunde-1'

const setUp = async () => {
  const store = inMemoryEventStore()
  const accounts = accountCommandHandler({ store, policy: testPolicy, clock: () => epoch })
  const principals = principalCommandHandler({ store, policy: testPolicy, clock: () => epoch })
  const run = (actor: PrincipalId, command: AccountCommandInput) => accounts.handle(command, commandContext(actor))
  const offboard = async (principalId: string, successorId: string | null) =>
    principals.handle({ type: 'OffboardPrincipal', data: { principalId, successorId, reason: 'Leaves' } }, commandContext(dora))
  await run(dora, { type: 'OpenAccount', data: { accountId, tenantId: tenant, displayName: 'ACME', tier: 'standard' } })
  return { store, run, offboard }
}

const types = async (store: EventStore) => {
  const out: string[] = []
  for await (const e of store.readStream(accountStream(accountId as AccountId))) out.push(e.type)
  return out
}

describe('an offboarded principal never comes back, through the command handler and the principal streams', () => {
  it('refuses to assign an offboarded principal, reading the offboarding from the store', async () => {
    const { store, run, offboard } = await setUp()
    await offboard(sven, null)
    expect(await run(dora, { type: 'AssignOwner', data: { accountId, ownerId: sven } })).toEqual(E.left(expect.objectContaining({ _tag: 'PrincipalOffboardedError', field: 'data.ownerId' })))
    expect(await types(store)).toEqual(['AccountOpened'])
  })

  it('refuses an offboarding whose successor left before', async () => {
    const { offboard } = await setUp()
    await offboard(felix, null)
    expect(await offboard(hanna, felix)).toEqual(E.left(expect.objectContaining({ _tag: 'PrincipalOffboardedError', field: 'data.successorId' })))
  })

  it('a restore hands over the owner, team member and grantee who left while the account was archived', async () => {
    const { store, run, offboard } = await setUp()
    await run(dora, { type: 'AssignOwner', data: { accountId, ownerId: hanna } })
    await run(hanna, { type: 'AddTeamMember', data: { accountId, principalId: felix, role: 'sales' } })
    await run(hanna, { type: 'GrantAccess', data: { accountId, grantId: 'g-1', granteeId: sven, scope: 'read', purpose: 'customer-support', legalBasis: 'art6-1-b-contract', expiresAt: '2026-04-01T00:00:00.000Z' } })
    await run(hanna, { type: 'ArchiveAccount', data: { accountId, reason: 'inactive' } })
    // Offboarded while archived, and the handover never ran (e.g. an older version refused archived accounts).
    await offboard(felix, null)
    await offboard(sven, null)
    await offboard(hanna, ada)
    expect(E.isRight(await run(dora, { type: 'RestoreAccount', data: { accountId } }))).toBe(true)
    expect((await types(store)).slice(-4)).toEqual(['AccountRestored', 'OwnershipTransferred', 'TeamMemberRemoved', 'AccessRevoked'])
  })

  it('the store directory follows successors who left too', async () => {
    const { store, offboard } = await setUp()
    await offboard(hanna, felix)
    await offboard(felix, sven)
    const known = await offboardingsWithSuccessors(storePrincipalDirectory(store), [hanna])
    expect(E.isRight(known) && [...known.right.keys()].sort()).toEqual([felix, hanna])
  })
})
