import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeAccountCommand, EmailAddress, Name, NonEmptyText, maxFreeTextLength, maxNameLength } from '@account-ownership/core'

const forbidden = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }).filter((c) => c !== 0x09 && c !== 0x0a).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
)
const clean = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).filter((s) => NonEmptyText.is(s))

describe('text fields', () => {
  it('refuse every C0 control but tab and newline, and every lone surrogate, wherever it stands', () =>
    fc.assert(
      fc.property(clean, forbidden, clean, (before, bad, after) => {
        for (const codec of [Name, NonEmptyText]) expect(codec.is(`${before}${bad}${after}`)).toBe(false)
      }),
    ))

  it('take any text of every Unicode plane within the limit, with tabs and newlines', () =>
    fc.assert(
      fc.property(clean, (s) => {
        expect(NonEmptyText.is(`${s}\t${s}\n`)).toBe(true)
        expect(Name.is(s)).toBe(true)
      }),
    ))

  it('keep surrogate pairs (astral characters) and refuse halves of them', () => {
    expect(Name.is('Ölmühle 🏭 GmbH 𝔸')).toBe(true)
    expect(Name.is('Ölmühle \ud83c GmbH')).toBe(false)
    expect(Name.is('Ölmühle \udfed GmbH')).toBe(false)
  })

  it.each([
    ['a name', Name, maxNameLength],
    ['free text', NonEmptyText, maxFreeTextLength],
  ])('limit %s to its length, counting UTF-16 code units', (_what, codec, max) => {
    expect(codec.is('x'.repeat(max))).toBe(true)
    expect(codec.is('x'.repeat(max + 1))).toBe(false)
  })

  it('refuse blank text and e-mail addresses that are none or too long', () => {
    expect(NonEmptyText.is(' \t\n')).toBe(false)
    expect(EmailAddress.is('kontakt@acme.example')).toBe(true)
    expect(EmailAddress.is(`${'k'.repeat(250)}@acme.example`)).toBe(false)
    expect(EmailAddress.is('kontakt at acme')).toBe(false)
  })

  it('name the field and the character, never the text, when a command carries a NUL', () => {
    const decoded = decodeAccountCommand({ type: 'OpenAccount', data: { accountId: 'kunde-1', tenantId: 't', displayName: 'Erika\u0000Mustermann', tier: 'key' } })
    expect(decoded).toMatchObject({ _tag: 'Left', left: { field: 'data.displayName' } })
    const message = E.isLeft(decoded) ? decoded.left.message : ''
    expect(message).toContain('U+0000 at index 5')
    expect(message).not.toContain('Erika')
  })
})
