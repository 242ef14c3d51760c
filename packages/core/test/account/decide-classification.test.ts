import { describe, it } from 'vitest'
import { accountDecider } from '@account-ownership/core'
import { spec } from '@account-ownership/core/testing'
import { accountId, archived, felix, hanna, ownedByHanna } from './history.js'

const account = spec(accountDecider)
const classify = { type: 'ClassifyAccount', data: { accountId, tier: 'high-value', score: 72, criteria: ['revenue > 1 Mio €', 'strategic'] } } as const

describe('ClassifyAccount', () => {
  it('records the new tier with its score and criteria', () =>
    account.given(ownedByHanna('standard')).when(classify, { actor: hanna }).then([{ type: 'AccountClassified', data: { ...classify.data, classifiedBy: hanna } }]))

  it('is refused for anyone but the owner or an admin', () => account.given(ownedByHanna()).when(classify, { actor: felix }).thenFails('NotAuthorizedError'))

  it('is refused on an archived account', () => account.given([...ownedByHanna(), archived()]).when(classify).thenFails('AccountArchivedError'))
})
