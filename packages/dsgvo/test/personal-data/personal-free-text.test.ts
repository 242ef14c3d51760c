import { accountStream, principalStream, type AccountEvent, type AccountId, type NewEvent, type RecordedEvent, type StreamId, type SubjectId } from '@account-ownership/core'
import { cast, epoch, newEvent, tenant } from '@account-ownership/core/testing'
import { encryptingEventStore, erase, erasedMarker } from '@account-ownership/dsgvo'
import { sqliteKeyStore } from '@account-ownership/dsgvo/sqlite'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { scratchDir } from '../scratch-dir.js'
import { all, encryptingInMemory } from './encrypting-set-up.js'

const scratch = scratchDir('free-text')

const setUp = () => encryptingInMemory(scratch)

const kunde = 'kunde-9' as AccountId
const at = (event: AccountEvent) => newEvent(event)

// Each free-text field, the text put in, and the subject whose key it must be sealed under.
const cases: ReadonlyArray<{ readonly what: string; readonly stream: StreamId; readonly event: NewEvent; readonly field: string; readonly text: string | ReadonlyArray<string>; readonly subject: SubjectId }> = [
  {
    what: "a sole trader's display name",
    stream: accountStream(kunde),
    event: at({ type: 'AccountOpened', data: { accountId: kunde, tenantId: tenant, displayName: 'Bäckerei Anna Schmidt e.K.', tier: 'standard', openedBy: cast.dora, soleTrader: true } }),
    field: 'displayName',
    text: 'Bäckerei Anna Schmidt e.K.',
    subject: 'account:kunde-9' as SubjectId,
  },
  {
    what: 'classification criteria',
    stream: accountStream(kunde),
    event: at({ type: 'AccountClassified', data: { accountId: kunde, tier: 'key', score: 80, criteria: ['Inhaberin plant Nachfolge', 'Umsatz 2 Mio'], classifiedBy: cast.dora } }),
    field: 'criteria',
    text: ['Inhaberin plant Nachfolge', 'Umsatz 2 Mio'],
    subject: 'account:kunde-9' as SubjectId,
  },
  {
    what: "a grant's purpose note",
    stream: accountStream(kunde),
    event: at({
      type: 'AccessGranted',
      data: { accountId: kunde, grantId: 'g-1' as never, granteeId: cast.sven, scope: 'read', purpose: 'customer-support', purposeNote: 'Vertretung während Svens Kur', legalBasis: 'art6-1-b-contract', grantedBy: cast.hanna, validFrom: epoch, expiresAt: null },
    }),
    field: 'purposeNote',
    text: 'Vertretung während Svens Kur',
    subject: 'principal:sven' as SubjectId,
  },
  {
    what: "a transfer's rejection reason",
    stream: accountStream(kunde),
    event: at({ type: 'OwnershipTransferRejected', data: { accountId: kunde, transferId: 't-1' as never, rejectedBy: cast.dora, reason: 'Felix ist noch in der Probezeit' } }),
    field: 'reason',
    text: 'Felix ist noch in der Probezeit',
    subject: 'principal:dora' as SubjectId,
  },
  {
    what: "an offboarding's reason",
    stream: principalStream(cast.felix),
    event: newEvent({ type: 'PrincipalOffboarded', data: { principalId: cast.felix, successorId: null, offboardedBy: cast.dora, reason: 'Elternzeit ab Mai' } } as unknown as AccountEvent),
    field: 'reason',
    text: 'Elternzeit ab Mai',
    subject: 'principal:felix' as SubjectId,
  },
]

const envelopes = (value: unknown): ReadonlyArray<string> => (Array.isArray(value) ? value : [value]).map(String)

describe('free text and a sole trader’s name are sealed under the key of the subject they belong to', () => {
  it.each(cases)('$what: stored sealed under $subject, read back as written, [erased] once that subject is erased', async ({ stream, event, field, text, subject }) => {
    const { plain, keys, store } = setUp()
    const appended = await store.append(stream, [event], { expectedVersion: 'any' })
    expect(E.isRight(appended) && (appended.right.events[0]!.data as Record<string, unknown>)[field]).toEqual(text)
    const [stored] = await all(plain.readAll())
    for (const sealed of envelopes((stored!.data as Record<string, unknown>)[field])) expect(sealed).toMatch(new RegExp(`^pd1~${subject}~1~`))
    expect(JSON.stringify(stored!.data)).not.toContain(envelopes(text)[0])

    const erased = await erase({ store, keys }, subject, { by: cast.ada, legalGround: 'art17-1-a-no-longer-necessary', at: epoch, tenantId: tenant })
    expect(E.isRight(erased)).toBe(true)
    const [read] = await all(store.readStream(stream))
    expect((read!.data as Record<string, unknown>)[field]).toEqual(Array.isArray(text) ? text.map(() => erasedMarker) : erasedMarker)
  })

  it("leaves a company's display name readable, and makes no key for an event without personal text", async () => {
    const { plain, keys, store } = setUp()
    const opened = at({ type: 'AccountOpened', data: { accountId: kunde, tenantId: tenant, displayName: 'Muster GmbH', tier: 'key', openedBy: cast.dora } })
    const grant = at({ type: 'AccessGranted', data: { accountId: kunde, grantId: 'g-2' as never, granteeId: cast.ada, scope: 'read', purpose: 'audit', legalBasis: 'art6-1-c-legal-obligation', grantedBy: cast.dora, validFrom: epoch, expiresAt: null } })
    const classified = at({ type: 'AccountClassified', data: { accountId: kunde, tier: 'standard', score: 1, criteria: [], classifiedBy: cast.dora } })
    expect(E.isRight(await store.append(accountStream(kunde), [opened, grant, classified], { expectedVersion: 'no-stream' }))).toBe(true)
    const stored = await all(plain.readAll())
    expect((stored[0]!.data as { displayName: string }).displayName).toBe('Muster GmbH')
    expect(await keys.versionsOf('principal:ada' as SubjectId)).toEqual(E.right(0))
    expect(await keys.versionsOf('account:kunde-9' as SubjectId)).toEqual(E.right(0))
  })

  it('binds each criterion to its place: criteria swapped in the stored log no longer open', async () => {
    const { plain, store } = setUp()
    const classified = cases[1]!
    await store.append(classified.stream, [classified.event], { expectedVersion: 'any' })
    const [stored] = await all(plain.readAll())
    const [first, second] = (stored!.data as { criteria: ReadonlyArray<string> }).criteria
    const swapped = { ...stored!, data: { ...(stored!.data as object), criteria: [second, first] } } as unknown as RecordedEvent
    const tampered = encryptingEventStore({ store: { ...plain, readAll: async function* () { yield swapped } }, keys: sqliteKeyStore(new Database(scratch.file()), { owned: true }) })
    // A fresh key store has no key: the swapped values read as erased, never as each other.
    expect(((await all(tampered.readAll()))[0]!.data as { criteria: unknown }).criteria).toEqual([erasedMarker, erasedMarker])
  })
})
