// Requests that cannot be decided: a typed error that names the field, never a decision.
import { authorize } from '@account-ownership/access-control'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { kundeHistory } from '../support/kunde-history.js'
import type { Tables } from '../support/recorded-history.js'
import { scenarioReadModels } from '../support/scenario.js'
import { scratchFiles } from '../support/scratch-dir.js'

const file = scratchFiles('refusals')
let db: Kysely<Tables>
beforeAll(async () => void ({ db } = await scenarioReadModels(kundeHistory, file('read-models.db'))))
afterAll(() => db.destroy())

const valid = { principalId: 'sven', accountId: 'kunde-1', action: 'read', purpose: 'customer-support', at: '2026-03-04T10:00:00Z' }

describe('authorize refuses what it cannot decide', () => {
  it.each([
    ['at', { at: '12.03.2026 10:00' }],
    ['at', { at: '2026-02-30T10:00:00Z' }],
    ['at', { at: 1_773_309_600_000 }],
    ['action', { action: 'delete' }],
    ['action', { action: undefined }],
    ['principalId', { principalId: '' }],
    ['principalId', { principalId: 'sven@acme.de' }],
    ['accountId', { accountId: 42 }],
    ['purpose', { purpose: '' }],
    ['purpose', { purpose: 'Customer Support' }],
  ])('a bad %s is an InvalidAccessRequestError naming it (%j)', async (field, change) => {
    const refused = await authorize(db, { ...valid, ...change })
    expect(E.isLeft(refused) && refused.left).toMatchObject({ _tag: 'InvalidAccessRequestError', field })
    expect(E.isLeft(refused) && refused.left.message).toMatch(new RegExp(`^${field}: expected`))
  })

  it.each([null, 'sven', []])('input that is no request object (%j) is an InvalidAccessRequestError', async (input) => {
    const refused = await authorize(db, input)
    expect(E.isLeft(refused) && refused.left._tag).toBe('InvalidAccessRequestError')
  })

  it('an account that was never opened is an UnknownAccountError', async () => {
    expect(await authorize(db, { ...valid, accountId: 'kunde-99' })).toEqual(E.left({ _tag: 'UnknownAccountError', field: 'accountId', accountId: 'kunde-99', message: 'accountId: no account kunde-99 was ever opened' }))
  })

  it('a principal the read models never saw is an UnknownPrincipalError, unless the directory knows them', async () => {
    const refused = await authorize(db, { ...valid, principalId: 'zoe' })
    expect(E.isLeft(refused) && refused.left).toMatchObject({ _tag: 'UnknownPrincipalError', field: 'principalId', principalId: 'zoe' })
    const asked: string[] = []
    const decided = await authorize(db, { ...valid, principalId: 'zoe' }, { directory: (id) => (asked.push(id), id === 'zoe') })
    expect(E.isRight(decided) && decided.right).toMatchObject({ outcome: 'denied', reason: 'no-grant' })
    expect(asked).toEqual(['zoe'])
  })

  it('a principal known only as one who gave a grant is known', async () => {
    // Hanna gave grants; on kunde-2 she has nothing, so she is denied — and known.
    const decided = await authorize(db, { ...valid, principalId: 'hanna', accountId: 'kunde-2', at: '2026-03-02T00:00:00Z' })
    expect(E.isRight(decided) && decided.right).toMatchObject({ outcome: 'denied', reason: 'no-grant' })
  })
})
