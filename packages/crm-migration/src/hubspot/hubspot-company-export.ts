/**
 * HubSpot's plain CSV export of companies with their owner: `Record ID`, `Company name`,
 * `Company owner` (the owner's id — HubSpot writes the owner's name there unless the export
 * includes the property `hubspot_owner_id`), `Create Date` and, where exported, `Owner assigned
 * date`. Internal property names (`hs_object_id`, `name`, `hubspot_owner_id`, `createdate`,
 * `hubspot_owner_assigneddate`) are taken as well. It names each company and its current owner;
 * the owner's history comes from the API's JSON, and without it the owner is recorded from the
 * owner-assigned date (or the create date) on.
 *
 * @module
 */
import { PrincipalId } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import { csvRecords, type ReadObserver } from '../csv-records.js'
import { accountIdField, instantField, problemsAmong } from '../field-checks.js'
import { nobody, type SourceItem } from '../owner-change.js'
import { rowProblem } from '../row-problem.js'

/**
 * Each column of the export under the names HubSpot gives it (label first, then property).
 * @category hubspot
 * @since 0.3.0
 */
export const hubspotCompanyColumns = {
  id: ['Record ID', 'hs_object_id'],
  name: ['Company name', 'name'],
  owner: ['Company owner', 'hubspot_owner_id'],
  created: ['Create Date', 'createdate'],
  ownerSince: ['Owner assigned date', 'hubspot_owner_assigneddate'],
} as const

const column = (fields: Readonly<Record<string, string>>, names: ReadonlyArray<string>): { name: string; value: string | undefined } => {
  const name = names.find((n) => n in fields) ?? names[0] ?? ''
  return { name, value: fields[name] }
}

/**
 * The companies of a HubSpot company export at `path`, reported as `file`.
 * @category hubspot
 * @since 0.3.0
 */
export async function* hubspotCompanyExport(path: string, file: string, observer: ReadObserver): AsyncGenerator<SourceItem> {
  const { id, name, owner, created, ownerSince } = hubspotCompanyColumns
  for await (const { place, fields } of csvRecords(path, file, [id, owner, created], observer)) {
    const idField = column(fields, id)
    const ownerField = column(fields, owner)
    const createdField = column(fields, created)
    const sinceField = column(fields, ownerSince)
    const accountId = accountIdField(idField.value, place, idField.name)
    const createdAt = instantField(createdField.value, place, createdField.name)
    const ownerId = (ownerField.value ?? '').trim()
    const since = (sinceField.value ?? '').trim() === '' ? E.right(null) : instantField(sinceField.value, place, sinceField.name)
    const problems = [...problemsAmong([accountId, createdAt, since])]
    if (ownerId !== '' && !PrincipalId.is(ownerId)) problems.push(rowProblem('invalid-id', place, ownerField.name, "is not an owner id (HubSpot exports the owner's name unless hubspot_owner_id is exported)"))
    if (problems.length > 0 || E.isLeft(accountId) || E.isLeft(createdAt) || E.isLeft(since)) {
      problems.forEach(observer.problem)
      continue
    }
    const displayName = (column(fields, name).value ?? '').trim()
    yield {
      _tag: 'account',
      account: {
        accountId: accountId.right,
        displayName: displayName === '' ? accountId.right : displayName,
        currentOwner: ownerId === '' ? nobody : { kind: 'person', id: ownerId },
        createdAt: createdAt.right,
        ownerSince: since.right,
        listed: true,
        place,
        fields: { id: idField.name, owner: ownerField.name },
        system: 'hubspot',
      },
    }
  }
}
