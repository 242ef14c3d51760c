import { describe, it } from 'vitest'
import { offboardedAmong, principalDecider } from '@account-ownership/core'
import { cast, epoch, spec } from '@account-ownership/core/testing'

const principal = spec(principalDecider)
const { dora, hanna, felix } = cast
const offboard = (successorId: typeof felix | null = felix) => ({ type: 'OffboardPrincipal', data: { principalId: hanna, successorId, reason: 'Leaves the company' } }) as const
const offboarded = { type: 'PrincipalOffboarded', data: { principalId: hanna, successorId: felix, reason: 'Leaves the company', offboardedBy: dora } } as const

describe('OffboardPrincipal', () => {
  it('records that the principal left, naming the successor', () => principal.given([]).when(offboard(felix), { actor: dora }).then([offboarded]))

  it('may name no successor: their accounts will be orphaned', () =>
    principal.given([]).when(offboard(null)).then([{ type: 'PrincipalOffboarded', data: { ...offboarded.data, successorId: null } }]))

  it('is refused for anyone but an admin', () => principal.given([]).when(offboard(), { actor: felix }).thenFails('NotAuthorizedError'))

  it('is refused for a principal offboarded before', () => principal.given([offboarded]).when(offboard()).thenFails('PrincipalAlreadyOffboardedError', 'data.principalId'))

  it('is refused when the successor was offboarded: nobody who left takes over (invariant 10)', () =>
    principal
      .given([])
      .when(offboard(felix), { offboarded: offboardedAmong(new Map([[felix, { offboardedAt: epoch, successorId: null }]])) })
      .thenFails('PrincipalOffboardedError', 'data.successorId'))

  it('is refused when the principal would succeed themselves', () => principal.given([]).when(offboard(hanna)).thenFails('InvalidSuccessorError', 'data.successorId'))
})
