// Given a controller whose field map marks only a contact person's name as personal — the e-mail on
// its account maps is the customer's purchasing address (einkauf@…), no one's personal data, kept
// in plain — and Erika mapped on an account through an encrypting store with that map; when Erika
// asks what is held about her (Art. 15) with that map, then the report and the disclosure show her
// name, as read now, and not the customer's address as hers; with the default map, both fields.
import { accountStream, type AccountId, type Instant } from '@account-ownership/core'
import { cast, newEvent, tenant } from '@account-ownership/core/testing'
import { auditProjection, defaultPersonalFields, disclosureDocument, encryptingEventStore, subjectDisclosure, subjectReport, type AuditTables, type PersonalFields } from '@account-ownership/dsgvo'
import { projectionRuntime } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { encryptingInMemory } from '../personal-data/encrypting-set-up.js'
import { mapped } from '../stakeholders.js'
import { scratchDir } from '../scratch-dir.js'

const scratch = scratchDir('stakeholder-field-map')
const kunde = 'kunde-7' as AccountId
const at = '2026-01-20T09:00:00.000Z' as Instant
const controller = { controller: { name: 'Vertrieb GmbH', contact: 'datenschutz@vertrieb.example' } }
const purchasing = 'einkauf@muster.de'

/** Contact persons' names personal; the e-mail on the map a company address. */
const personalFieldMap: PersonalFields = { ...defaultPersonalFields, StakeholderMapped: { subject: { kind: 'stakeholder', idField: 'stakeholderId' }, fields: ['name'] } }

const right = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(JSON.stringify(e.left))
  return e.right
}

describe("a contact person's Art. 15 report follows the controller's field map", () => {
  const { plain, keys } = encryptingInMemory(scratch)
  const store = encryptingEventStore({ store: plain, keys, personalFields: personalFieldMap })
  let db: Kysely<AuditTables>

  beforeAll(async () => {
    db = sqliteReadModels<AuditTables>(scratch.file())
    const opened = newEvent({ type: 'AccountOpened', data: { accountId: kunde, tenantId: tenant, displayName: 'Muster GmbH', tier: 'key', openedBy: cast.dora } }, { at })
    right(await store.append(accountStream(kunde), [opened, newEvent(mapped('erika', 'Erika Mustermann', purchasing, kunde), { at })], { expectedVersion: 'no-stream' }))
    right(await projectionRuntime({ store, db, projections: [auditProjection()] }).runUntilCaughtUp())
  })

  it('shows the fields the map marks as hers, and not the company address beside them', async () => {
    const erika = right(await subjectReport(db, 'stakeholder:erika', { store, personalFieldMap }))
    expect(erika.mentions.map((m) => m.personalData)).toEqual([{ name: 'Erika Mustermann' }])
  })

  it('discloses the same through subjectDisclosure and its document', async () => {
    const erika = right(await subjectDisclosure(db, 'stakeholder:erika', { controller, store, personalFieldMap }))
    expect(erika.report.mentions.map((m) => m.personalData)).toEqual([{ name: 'Erika Mustermann' }])
    const document = disclosureDocument(erika)
    expect(document).toContain('Erika Mustermann')
    expect(document).not.toContain(purchasing)
  })

  it('with the default map, shows name and e-mail', async () => {
    const erika = right(await subjectReport(db, 'stakeholder:erika', { store }))
    expect(erika.mentions.map((m) => m.personalData)).toEqual([{ name: 'Erika Mustermann', email: purchasing }])
  })
})
