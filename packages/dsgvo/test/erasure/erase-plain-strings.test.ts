// erase is called with plain strings — the subject id and every field of the request — and
// decodes them itself: no `as SubjectId`, `as PrincipalId` or `as Instant` at the call.
import { erase } from '@account-ownership/dsgvo'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { chainedLog } from '../chain/chained-log.js'
import { scratchDir } from '../scratch-dir.js'

const scratch = scratchDir('erase-plain-strings')
const request = { by: 'dora', legalGround: 'art17-1-c-objection', at: '2026-04-01T09:00:00Z', tenantId: 'acme-de' }

describe('erase, called with plain strings', () => {
  it('erases a contact person named by a plain subject id, recording the request as given', async () => {
    const log = await chainedLog(scratch.file(), scratch.file())
    const erased = await erase(log, 'stakeholder:contact-1', request)
    expect(E.isRight(erased) && [erased.right.data, erased.right.metadata.occurredAt, erased.right.metadata.tenantId]).toEqual([
      { subjectId: 'stakeholder:contact-1', erasedBy: 'dora', legalGround: 'art17-1-c-objection', keysDestroyed: 1 },
      '2026-04-01T09:00:00.000Z',
      'acme-de',
    ])
    await log.close()
  })

  it.each([
    ['subjectId', 'stakeholder:erika@muster.de', request],
    ['request.by', 'stakeholder:contact-1', { ...request, by: 'Dora Datenschutz' }],
    ['request.at', 'stakeholder:contact-1', { ...request, at: 'next Tuesday' }],
    ['request.legalGround', 'stakeholder:contact-1', { ...request, legalGround: 'because' }],
  ])('answers a bad %s with a typed error naming it, and destroys no key', async (field, subject, bad) => {
    const log = await chainedLog(scratch.file(), scratch.file())
    const erased = await erase(log, subject, bad)
    expect(E.isLeft(erased) && [erased.left._tag, 'field' in erased.left && erased.left.field]).toEqual(['InvalidStoreInputError', field])
    expect(E.isRight(await erase(log, 'stakeholder:contact-1', request))).toBe(true)
    await log.close()
  })
})
