// Bad input at a KPI query is an InvalidQueryError naming the argument, before the database is asked.
import { transferDecisionTimes, transfersPerPeriod } from '@account-ownership/projections'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'

const db = new Proxy({}, { get: () => { throw new Error('the database must not be asked') } }) as never
const window = { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' }

describe('KPI queries with bad input', () => {
  it.each<[string, () => Promise<unknown>]>([
    ['unit', () => transfersPerPeriod(db, window, 'decade' as never)],
    ['unit', () => transfersPerPeriod(db, window, 'constructor' as never)],
    ['window', () => transfersPerPeriod(db, null as never)],
    ['from', () => transfersPerPeriod(db, { from: 'gestern', to: window.to })],
    ['window', () => transferDecisionTimes(db, null as never)],
  ])('names %s', async (field, query) => {
    expect(await query()).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidQueryError', field })))
  })
})
