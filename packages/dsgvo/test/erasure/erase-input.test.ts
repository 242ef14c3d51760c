import { inMemoryEventStore, type Instant, type PrincipalId, type SubjectId } from '@account-ownership/core'
import { cast, epoch, tenant } from '@account-ownership/core/testing'
import { erase } from '@account-ownership/dsgvo'
import { sqliteKeyStore } from '@account-ownership/dsgvo/sqlite'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'

const erika = 'stakeholder:erika' as SubjectId

describe('erase with bad input', () => {
  it.each<[string, Record<string, unknown>]>([
    ['request.at', { at: 'yesterday' as Instant }],
    ['request.by', { by: '' as PrincipalId }],
    ['request.legalGround', { legalGround: 'because' }],
  ])('refuses it naming %s and destroys no key', async (field, change) => {
    const keys = sqliteKeyStore(new Database(':memory:'), { owned: true })
    const key = await keys.create(erika)
    const store = inMemoryEventStore()
    const result = await erase({ store, keys }, erika, { by: cast.dora, legalGround: 'art17-1-c-objection', at: epoch, tenantId: tenant, ...change } as never)
    expect(result).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field })))
    expect(await keys.keyFor(erika)).toEqual(key)
    expect(await store.headPosition()).toEqual(E.right(0n))
    await keys.close()
  })

  it.each<[string, unknown, unknown]>([
    ['request', erika, null],
    ['request', erika, 'now'],
    ['subjectId', null, { by: cast.dora, legalGround: 'art17-1-c-objection', at: epoch, tenantId: tenant }],
    ['subjectId', { id: 'erika' }, { by: cast.dora, legalGround: 'art17-1-c-objection', at: epoch, tenantId: tenant }],
  ])('answers a missing %s with a typed error, not a throw, and destroys no key', async (field, subjectId, request) => {
    const keys = sqliteKeyStore(new Database(':memory:'), { owned: true })
    const key = await keys.create(erika)
    const result = await erase({ store: inMemoryEventStore(), keys }, subjectId as SubjectId, request as never)
    expect(result).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field })))
    expect(await keys.keyFor(erika)).toEqual(key)
    await keys.close()
  })
})
