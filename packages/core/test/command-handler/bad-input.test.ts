import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { accountCommandHandler, inMemoryEventStore } from '@account-ownership/core'
import { commandContext, testPolicy } from '@account-ownership/core/testing'

const handler = () => {
  const store = inMemoryEventStore()
  return { store, accounts: accountCommandHandler({ store, policy: testPolicy }) }
}

describe('the command handler answers bad input with one InvalidCommandError listing every problem', () => {
  it('names every bad field of the command and of its context, each path in the message', async () => {
    const { store, accounts } = handler()
    const result = await accounts.handle(
      { type: 'OpenAccount', data: { accountId: 'kunde 1', tenantId: 't@x', displayName: '', tier: 'gold' } } as never,
      { commandId: '', actor: 'dora', tenantId: 't' },
    )
    if (E.isRight(result) || result.left._tag !== 'InvalidCommandError') throw new Error('expected InvalidCommandError')
    const fields = ['data.accountId', 'data.tenantId', 'data.displayName', 'data.tier', 'context.commandId']
    expect(result.left.problems.map((p) => p.field)).toEqual(fields)
    expect(result.left.field).toBe('data.accountId')
    for (const field of fields) expect(result.left.message).toContain(`${field}: expected`)
    expect(await store.headPosition()).toEqual(E.right(0n))
  })

  it('answers a command object with a throwing getter, and a context that is null', async () => {
    const { accounts } = handler()
    const throwing = { type: 'OpenAccount', get data(): never { throw new Error('getter') } }
    expect(await accounts.handle(throwing as never, commandContext())).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidCommandError', field: '(input)' })))
    const typeThrows = { get type(): never { throw new TypeError('getter') } }
    expect(await accounts.handle(typeThrows as never, commandContext())).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidCommandError' })))
    expect(await accounts.handle({ type: 'RestoreAccount', data: { accountId: 'k' } }, null as never)).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidCommandError', field: 'context' })))
  })
})
