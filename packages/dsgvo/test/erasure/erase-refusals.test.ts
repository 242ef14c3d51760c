import { accountStream, subjectStream, type SubjectId } from '@account-ownership/core'
import { cast, epoch, tenant } from '@account-ownership/core/testing'
import { erase } from '@account-ownership/dsgvo'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { chainedLog } from '../chain/chained-log.js'
import { scratchDir } from '../scratch-dir.js'

const scratch = scratchDir('erase-refusals')
const request = { by: cast.dora, legalGround: 'art17-1-b-consent-withdrawn', at: epoch, tenantId: tenant } as const

describe('erase refuses what would erase nothing', () => {
  it.each(['Stakeholder:contact-1', 'stakeholder:erika', 'principal:nobody', 'customer:x', 'stakeholder:'])(
    'refuses %s, which the log holds no personal data of, and records nothing',
    async (subject) => {
      const log = await chainedLog(scratch.file(), scratch.file())
      const head = await log.store.headPosition()
      const erased = await erase(log, subject, request)
      expect(E.isLeft(erased) && ['UnknownSubjectError', 'InvalidStoreInputError'].includes(erased.left._tag) && erased.left.message).toMatch(/subjectId/)
      expect(await log.store.headPosition()).toEqual(head)
      // The contact's name still decrypts: nothing was destroyed.
      const events: unknown[] = []
      for await (const e of log.store.readStream(accountStream('kunde-2' as never))) events.push(e.data)
      expect(JSON.stringify(events)).toContain('Kontakt Nummer 1')
      await log.close()
    },
  )

  it('erases a subject once; a second erasure says so and records nothing new', async () => {
    const log = await chainedLog(scratch.file(), scratch.file())
    const subject = 'stakeholder:contact-1' as SubjectId
    const first = await erase(log, subject, request)
    expect(E.isRight(first) && first.right.data.keysDestroyed).toBe(1)
    const head = await log.store.headPosition()
    const again = await erase(log, subject, { ...request, at: '2026-04-01T00:00:00.000Z' as never })
    expect(E.isLeft(again) && [again.left._tag, again.left.message]).toEqual(['AlreadyErasedError', expect.stringContaining(epoch)])
    expect(await log.store.headPosition()).toEqual(head)
    const recorded: unknown[] = []
    for await (const e of log.store.readStream(subjectStream(subject))) recorded.push(e.type)
    expect(recorded).toEqual(['PersonalDataErased'])
    await log.close()
  })

  it('records an erasure whose keys were destroyed but whose record failed, once', async () => {
    const log = await chainedLog(scratch.file(), scratch.file())
    const subject = 'stakeholder:contact-2' as SubjectId
    // The keys go, as in an erasure whose record then failed.
    expect(await log.keys.delete(subject)).toEqual(E.right(1))
    const completed = await erase(log, subject, request)
    expect(E.isRight(completed) && completed.right.data.keysDestroyed).toBe(1)
    const again = await erase(log, subject, request)
    expect(E.isLeft(again) && again.left._tag).toBe('AlreadyErasedError')
    await log.close()
  })
})
