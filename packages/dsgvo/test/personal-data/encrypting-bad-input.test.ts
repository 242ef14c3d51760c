import { accountStream, inMemoryEventStore, type NewEvent } from '@account-ownership/core'
import { account, newEvent, openedAccountEvents } from '@account-ownership/core/testing'
import { encryptingEventStore } from '@account-ownership/dsgvo'
import { sqliteKeyStore } from '@account-ownership/dsgvo/sqlite'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { mapped } from '../stakeholders.js'

const setUp = () => {
  const plain = inMemoryEventStore()
  return { plain, store: encryptingEventStore({ store: plain, keys: sqliteKeyStore(new Database(':memory:'), { owned: true }) }) }
}

describe('the encrypting store with bad input', () => {
  it.each<[string, unknown, string]>([
    ['[null]', [null], 'events[0].type'],
    ['[42]', [42], 'events[0].type'],
    ['null', null, 'events'],
  ])('answers append(s, %s) with an InvalidStoreInputError, writing nothing', async (_what, events, field) => {
    const { plain, store } = setUp()
    expect(await store.append(accountStream(account()), events as NewEvent[], { expectedVersion: 'any' })).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field })))
    expect(await plain.headPosition()).toEqual(E.right(0n))
  })

  it('refuses a contact name with a NUL or a lone surrogate before sealing it, naming the field and not the name', async () => {
    const { plain, store } = setUp()
    for (const name of ['Erika\u0000Mustermann', 'Erika \ud800Mustermann']) {
      const result = await store.append(accountStream(account()), [newEvent(openedAccountEvents()[0]!), newEvent(mapped('erika', name, 'erika@example.de'))], { expectedVersion: 'any' })
      expect(result).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field: 'events[1].data.name' })))
      expect(E.isLeft(result) && result.left.message).not.toMatch(/Erika|Mustermann/)
    }
    expect(await plain.headPosition()).toEqual(E.right(0n))
  })
})
