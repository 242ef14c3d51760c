// Properties of reading a CRM export and of times typed on the command line: what goes into a CSV
// comes back row for row with its line number; a blank required field is reported on its line
// and column and only that row is held back; a time is read the same in any zone and form, and
// a text that is not one is refused without being repeated.
import { crmRows, parseInstant } from '@account-ownership/cli'
import { stringify } from 'csv-stringify/sync'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'

const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/)
const name = fc.string({ minLength: 1, maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ' ').trim()).filter((s) => s.length > 0)
const row = fc.record({ accountId: id, displayName: name, tier: fc.constantFrom('key', 'high-value', 'standard'), ownerId: fc.oneof(fc.constant(''), id) })
const rows = fc.uniqueArray(row, { minLength: 1, maxLength: 30, selector: (r) => r.accountId })
const csvOf = (rs: ReadonlyArray<{ accountId: string; displayName: string; tier: string; ownerId: string }>) =>
  stringify([['account_id', 'display_name', 'tier', 'owner_id'], ...rs.map((r) => [r.accountId, r.displayName, r.tier, r.ownerId])])

describe('crmRows', () => {
  it('reads back every row written, with its line number', () => {
    fc.assert(
      fc.property(rows, (rs) => {
        const read = crmRows(csvOf(rs))
        expect(E.isRight(read) && read.right.problems).toEqual([])
        if (E.isRight(read)) expect(read.right.rows).toEqual(rs.map((r, i) => ({ ...r, line: i + 2 })))
      }),
    )
  })

  it('a blank required field is reported on its line and column, and only that row is held back', () => {
    fc.assert(
      fc.property(rows, fc.nat(), fc.constantFrom('account_id' as const, 'display_name' as const, 'tier' as const), (rs, n, column) => {
        const k = n % rs.length
        const field = column === 'account_id' ? 'accountId' : column === 'display_name' ? 'displayName' : 'tier'
        const blanked = rs.map((r, i) => (i === k ? { ...r, [field]: '' } : r))
        const read = crmRows(csvOf(blanked))
        expect(E.isRight(read)).toBe(true)
        if (E.isLeft(read)) return
        expect(read.right.problems).toEqual([{ line: k + 2, column, message: 'is empty' }])
        expect(read.right.rows.map((r) => r.line)).toEqual(rs.map((_, i) => i + 2).filter((line) => line !== k + 2))
      }),
    )
  })
})

describe('crmRows with quoted line breaks', () => {
  // Names that span lines, as Excel writes a cell with Alt+Enter: LF or CRLF, in a file of either line end.
  const spanning = fc.array(fc.tuple(name, fc.constantFrom('\n', '\r\n')), { minLength: 1, maxLength: 3 }).map((parts) => parts.map(([text, end]) => text + end).join('') + 'GmbH')
  const multiLineRows = fc.uniqueArray(fc.record({ accountId: id, displayName: fc.oneof(name, spanning), tier: fc.constantFrom('key', 'high-value', 'standard'), ownerId: fc.oneof(fc.constant(''), id) }), {
    minLength: 1,
    maxLength: 20,
    selector: (r) => r.accountId,
  })
  const breaksIn = (text: string): number => text.match(/\r\n|\r|\n/g)?.length ?? 0
  // The line each row starts on: after the header and every line the rows before it span.
  const startLines = (rs: ReadonlyArray<{ displayName: string }>): number[] => rs.map((_, i) => 2 + rs.slice(0, i).reduce((n, r) => n + 1 + breaksIn(r.displayName), 0))

  it('reads every row with the line of the file it starts on', () => {
    fc.assert(
      fc.property(multiLineRows, fc.constantFrom('unix' as const, 'windows' as const), (rs, ends) => {
        const text = stringify([['account_id', 'display_name', 'tier', 'owner_id'], ...rs.map((r) => [r.accountId, r.displayName, r.tier, r.ownerId])], { record_delimiter: ends })
        const read = crmRows(text)
        expect(E.isRight(read) && read.right.problems).toEqual([])
        if (E.isRight(read)) expect(read.right.rows.map((r) => r.line)).toEqual(startLines(rs))
      }),
    )
  })

  it('names the real line of a blank field after a quoted CRLF', () => {
    const read = crmRows('account_id,display_name,tier,owner_id\r\nkunde-1,"Müller\r\nGmbH",key,hanna\r\nkunde-2,,standard,\r\n\r\nkunde-3,Beta AG,,\r\n')
    expect(E.isRight(read) && read.right.problems).toEqual([
      { line: 4, column: 'display_name', message: 'is empty' },
      { line: 6, column: 'tier', message: 'is empty' },
    ])
  })

  it('takes the header on the line it is on after blank lines, as the rows do, and names that line', () => {
    // csv-parse skips the blank lines and reads the columns from line 3; the header check must read the same line.
    const read = crmRows('\r\n\r\naccount_id,display_name,tier,owner_id\r\nkunde-1,,key,\r\nkunde-2,Beta AG,key,\r\n')
    expect(E.isRight(read) && read.right.problems).toEqual([{ line: 4, column: 'display_name', message: 'is empty' }])
    expect(E.isRight(read) && read.right.rows.map((r) => [r.accountId, r.line])).toEqual([['kunde-2', 5]])
    const missing = crmRows('\uFEFF\n\naccount_id,name,tier\nkunde-1,Alpha,key\n')
    expect(E.isLeft(missing) && missing.left).toEqual([
      { line: 3, column: 'display_name', message: 'required column is missing' },
      { line: 3, column: 'name', message: 'unknown column; expected account_id, display_name, tier, owner_id' },
    ])
  })

  it('names the real line of a record that breaks the format after a quoted CRLF', () => {
    const before = 'account_id,display_name,tier,owner_id\r\nkunde-1,"Müller\r\nGmbH",key,hanna\r\n'
    const tooMany = crmRows(`${before}kunde-2,Beta,key,,extra\r\nkunde-3,Gamma,key,\r\n`)
    expect(E.isLeft(tooMany) && tooMany.left.map((p) => p.line)).toEqual([4])
    const spanning = crmRows(`${before}kunde-2,"Beta\r\nAG",key,,extra\r\nkunde-3,Gamma,key,\r\n`)
    expect(E.isLeft(spanning) && spanning.left.map((p) => p.line)).toEqual([4])
    for (const unclosed of ['kunde-2,"Beta,key,', '"kunde-2,Beta,key,']) {
      const read = crmRows(`${before}${unclosed}\r\nkunde-3,Gamma,key,\r\n`)
      expect(E.isLeft(read) && read.left.map((p) => p.line)).toEqual([4])
    }
  })
})

describe('parseInstant', () => {
  it('reads a time the same in UTC, in any whole-hour zone, and a date as the start of its day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: -12, max: 14 }), (d, hours) => {
        const utc = d.toISOString()
        const shifted = new Date(d.getTime() + hours * 3_600_000).toISOString().slice(0, 23)
        const zone = `${hours < 0 ? '-' : '+'}${String(Math.abs(hours)).padStart(2, '0')}:00`
        expect(parseInstant(utc, '--at')).toEqual(E.right(utc))
        expect(parseInstant(`${shifted}${zone}`, '--at')).toEqual(E.right(utc))
        expect(parseInstant(utc.slice(0, 10), '--at')).toEqual(E.right(`${utc.slice(0, 10)}T00:00:00.000Z`))
      }),
    )
  })

  it('refuses a text that is no time, naming the option and not the text', () => {
    const refusal = parseInstant('x', '--until')
    const template = E.isLeft(refusal) ? refusal.left.message : ''
    fc.assert(
      fc.property(fc.string({ minLength: 3 }).filter((s) => Number.isNaN(Date.parse(s)) && !template.includes(s)), (text) => {
        const parsed = parseInstant(text, '--until')
        expect(E.isLeft(parsed)).toBe(true)
        if (E.isLeft(parsed)) {
          expect(parsed.left.field).toBe('--until')
          expect(parsed.left.message).not.toContain(text)
        }
      }),
    )
  })
})
