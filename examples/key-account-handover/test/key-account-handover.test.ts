// The handover example, run on the in-memory store and in-memory read models, and as a script on
// SQLite files: Klaus's accounts go to Marta as of his offboarding, his grant ends then, his book
// is empty, and the access review finds no access that outlived the offboarding.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { inMemoryEventStore, type EventStore } from '@account-ownership/core'
import type { AuditTables } from '@account-ownership/dsgvo'
import type { ReadModels } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import { afterAll, describe, expect, it } from 'vitest'
import { runHandover, type AfterHandover } from '../src/key-account-handover.js'

const offboardedAt = '2026-03-31T17:00:00.000Z'
const eventsIn = async (store: EventStore) => {
  let n = 0
  for await (const _ of store.readAll()) n++
  return n
}

describe('after Klaus leaves with Marta as successor', () => {
  const store = inMemoryEventStore()
  const db = sqliteReadModels<ReadModels & AuditTables>(':memory:')
  let after: AfterHandover
  afterAll(() => db.destroy())

  it('hands over each of his three accounts, none refused', async () => {
    const result = await runHandover(store, db)
    if (E.isLeft(result)) throw new Error(`${result.left._tag}: ${result.left.message}`)
    after = result.right
    expect(after.outcomes.map((o) => [o.accountId, o.refused?._tag])).toEqual([
      ['kunde-100', undefined],
      ['kunde-200', undefined],
      ['kunde-300', undefined],
    ])
  })

  it('gives the key account to Marta as of the offboarding, with the reason code owner-offboarded', () => {
    expect(after.ownerOfKeyAccount).toMatchObject({ ownerId: 'marta', from: offboardedAt, beganWith: 'transferred', reasonCode: 'owner-offboarded' })
  })

  it('leaves his book of business empty and puts both accounts he owned in hers', () => {
    expect(after.booksOf.klaus).toEqual([])
    expect(after.booksOf.marta.map((a) => a.accountId)).toEqual(['kunde-100', 'kunde-200'])
  })

  it('revokes the grant he held, at the offboarding', () => {
    expect(after.grantsOfKlaus.map((g) => [g.grantId, g.endedHow, g.endedAt])).toEqual([['g-klaus-300', 'revoked', offboardedAt]])
  })

  it('leaves the access review nothing that outlived an offboarding', () => {
    expect(after.review.afterOffboarding).toEqual([])
  })

  it('records nothing a second time when everything runs again', async () => {
    const before = await eventsIn(store)
    const again = await runHandover(store, db)
    expect(E.isRight(again)).toBe(true)
    expect(await eventsIn(store)).toBe(before)
  })
})

describe('as a script on SQLite files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'handover-test-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('prints the handover, the new owner, both books, the ended grant and a clean review', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../src/key-account-handover.ts'), dir], { encoding: 'utf8' })
    expect(out).toContain(`kunde-100 on 15 April: owned by marta since ${offboardedAt} (owner-offboarded)`)
    expect(out).toContain('book of klaus: []; book of marta: [kunde-100, kunde-200]')
    expect(out).toContain(`grants of klaus: g-klaus-300 revoked at ${offboardedAt}`)
    expect(out).toContain('access review: 0 period(s) outlive an offboarding')
  })
})
