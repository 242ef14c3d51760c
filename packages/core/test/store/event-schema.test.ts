import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { currentSchema, eventSchema } from '@account-ownership/core'

/* AccountOpened v1 had no tier; v2 named the display name `name`; v3 is today's shape. */
const schema = eventSchema({
  AccountOpened: {
    1: (d) => ({ ...(d as object), tier: 'standard' }),
    2: (d) => {
      const { name, ...rest } = d as { name: string }
      return { ...rest, displayName: name }
    },
  },
})

describe('eventSchema: upcasting old payloads', () => {
  it('knows the current version of each type: one past its last upcaster, 1 for a type that never changed', () => {
    expect(schema.currentVersion('AccountOpened')).toBe(3)
    expect(schema.currentVersion('AccessGranted')).toBe(1)
    expect(currentSchema.currentVersion('AccountOpened')).toBe(1)
  })

  it('lifts a payload through every step of the chain, in order', () =>
    expect(schema.upcast('AccountOpened', 1, { accountId: 'k', name: 'ACME' })).toEqual(E.right({ accountId: 'k', tier: 'standard', displayName: 'ACME' })))

  it('lifts from the middle of the chain', () => expect(schema.upcast('AccountOpened', 2, { name: 'ACME', tier: 'key' })).toEqual(E.right({ tier: 'key', displayName: 'ACME' })))

  it('leaves a current payload as it is', () => expect(schema.upcast('AccountOpened', 3, { displayName: 'ACME' })).toEqual(E.right({ displayName: 'ACME' })))

  it('refuses a version newer than it knows', () => expect(schema.upcast('AccountOpened', 4, {})).toEqual(E.left(expect.stringMatching(/version 4 of AccountOpened is newer than this library knows \(3\)/))))

  it('refuses a version that is no version', () => {
    expect(E.isLeft(schema.upcast('AccountOpened', 0, {}))).toBe(true)
    expect(E.isLeft(schema.upcast('AccountOpened', 1.5, {}))).toBe(true)
  })

  it('refuses a chain with a missing step, naming it', () => {
    const gappy = eventSchema({ AccountOpened: { 1: (d) => d, 3: (d) => d } })
    expect(gappy.upcast('AccountOpened', 1, {})).toEqual(E.left('no upcaster of AccountOpened from version 2'))
  })
})
