/**
 * Salesforce's `Account` export (Data Loader or Bulk API): `Id`, `Name`, `OwnerId`,
 * `CreatedDate`, other columns ignored. It names each account and its current owner, which the
 * replayed history is checked against.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { csvRecords, type ReadObserver } from '../csv-records.js'
import { instantField, problemsAmong, requiredText } from '../field-checks.js'
import type { SourceItem } from '../owner-change.js'
import { salesforceIdField, salesforceOwner } from './salesforce-ids.js'

/**
 * The columns an Account export must have.
 * @category salesforce
 * @since 0.3.0
 */
export const salesforceAccountColumns = ['Id', 'Name', 'OwnerId', 'CreatedDate'] as const

/**
 * The accounts of a Salesforce Account export at `path`, reported as `file`.
 * @category salesforce
 * @since 0.3.0
 */
export async function* salesforceAccounts(path: string, file: string, observer: ReadObserver): AsyncGenerator<SourceItem> {
  for await (const { place, fields } of csvRecords(path, file, salesforceAccountColumns, observer)) {
    const id = salesforceIdField(fields['Id'], place, 'Id')
    const name = requiredText(fields['Name'], place, 'Name')
    const owner = salesforceIdField(fields['OwnerId'], place, 'OwnerId', true)
    const created = instantField(fields['CreatedDate'], place, 'CreatedDate')
    const problems = problemsAmong([id, name, owner, created])
    if (problems.length > 0 || E.isLeft(id) || E.isLeft(name) || E.isLeft(owner) || E.isLeft(created)) {
      problems.forEach(observer.problem)
      continue
    }
    yield {
      _tag: 'account',
      account: { accountId: id.right, displayName: name.right, currentOwner: salesforceOwner(owner.right ?? ''), createdAt: created.right, ownerSince: null, listed: true, place, fields: { id: 'Id', owner: 'OwnerId' }, system: 'salesforce' },
    }
  }
}
