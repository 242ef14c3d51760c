/**
 * Salesforce's `AccountHistory` export: `Id`, `IsDeleted`, `AccountId`, `CreatedById`,
 * `CreatedDate`, `Field`, `DataType`, `OldValue`, `NewValue`. Salesforce writes two rows per
 * owner change — one with the users' names (DataType `Text`), one with their ids (DataType
 * `EntityId`); the row of ids is the change, the row of names is only paired with it (names are
 * personal data and stay out of the log). A row with Field `created` opens the account. Rows
 * marked `IsDeleted` and the history of other fields are left out and counted.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { csvRecords, type ReadObserver } from '../csv-records.js'
import { instantField, problemsAmong } from '../field-checks.js'
import { nobody, type SourceItem } from '../owner-change.js'
import { isSalesforceId, salesforceIdField, salesforceOwner } from './salesforce-ids.js'

/**
 * The columns an AccountHistory export must have (`IsDeleted` and `DataType` are optional).
 * @category salesforce
 * @since 0.3.0
 */
export const salesforceHistoryColumns = ['Id', 'AccountId', 'CreatedById', 'CreatedDate', 'Field', 'OldValue', 'NewValue'] as const

/* Without a DataType column, a row of ids is told from a row of names by its values. */
const holdsIds = (dataType: string | undefined, oldValue: string, newValue: string): boolean =>
  dataType !== undefined && dataType.trim() !== '' ? dataType.trim() === 'EntityId' : [oldValue, newValue].every((v) => v === '' || isSalesforceId(v))

/**
 * The creations and owner changes of a Salesforce AccountHistory export at `path`, reported as `file`.
 * @category salesforce
 * @since 0.3.0
 */
export async function* salesforceHistory(path: string, file: string, observer: ReadObserver): AsyncGenerator<SourceItem> {
  for await (const { place, fields } of csvRecords(path, file, salesforceHistoryColumns, observer)) {
    const deleted = (fields['IsDeleted'] ?? '').trim().toLowerCase()
    if (deleted === 'true' || deleted === '1') {
      observer.ignored('deleted history row (IsDeleted)')
      continue
    }
    const field = (fields['Field'] ?? '').trim()
    if (field !== 'created' && field !== 'Owner') {
      observer.ignored(`history of another field than Owner`)
      continue
    }
    const rowId = salesforceIdField(fields['Id'], place, 'Id')
    const accountId = salesforceIdField(fields['AccountId'], place, 'AccountId')
    const by = salesforceIdField(fields['CreatedById'], place, 'CreatedById', true)
    const at = instantField(fields['CreatedDate'], place, 'CreatedDate')
    const oldValue = (fields['OldValue'] ?? '').trim()
    const newValue = (fields['NewValue'] ?? '').trim()
    const idRow = field === 'Owner' && holdsIds(fields['DataType'], oldValue, newValue)
    // Only a row of ids holds ids; a row of names holds what the names were.
    const from = idRow ? salesforceIdField(oldValue, place, 'OldValue', true) : E.right(null)
    const to = idRow ? salesforceIdField(newValue, place, 'NewValue', true) : E.right(null)
    const problems = problemsAmong([rowId, accountId, by, at, from, to])
    if (problems.length > 0 || E.isLeft(rowId) || E.isLeft(accountId) || E.isLeft(by) || E.isLeft(at) || E.isLeft(from) || E.isLeft(to)) {
      problems.forEach(observer.problem)
      continue
    }
    const pairKey = `${accountId.right}|${at.right}|${by.right ?? ''}`
    if (field === 'Owner' && !idRow) {
      yield { _tag: 'names-row', pairKey, place }
      continue
    }
    yield {
      _tag: 'change',
      change: {
        accountId: accountId.right,
        kind: field === 'created' ? 'created' : 'owner',
        at: at.right,
        from: field === 'created' ? null : salesforceOwner(from.right ?? ''),
        to: field === 'created' ? nobody : salesforceOwner(to.right ?? ''),
        changedBy: by.right,
        reason: null,
        key: `salesforce:AccountHistory:${rowId.right}`,
        pairKey: field === 'created' ? null : pairKey,
        place,
      },
    }
  }
}
