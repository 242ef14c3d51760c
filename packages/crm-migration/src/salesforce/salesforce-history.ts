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
import { accountIdField, instantField, optionalPrincipalField, problemsAmong, requiredText } from '../field-checks.js'
import { nobody, type SourceItem } from '../owner-change.js'
import { rowProblem } from '../row-problem.js'
import { isSalesforceId, salesforceOwner } from './salesforce-ids.js'

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
    const rowId = requiredText(fields['Id'], place, 'Id')
    const accountId = accountIdField(fields['AccountId'], place, 'AccountId')
    const by = optionalPrincipalField(fields['CreatedById'], place, 'CreatedById')
    const at = instantField(fields['CreatedDate'], place, 'CreatedDate')
    const oldValue = (fields['OldValue'] ?? '').trim()
    const newValue = (fields['NewValue'] ?? '').trim()
    const idRow = field === 'Owner' && holdsIds(fields['DataType'], oldValue, newValue)
    const values = idRow
      ? problemsAmong([optionalPrincipalField(oldValue, place, 'OldValue'), optionalPrincipalField(newValue, place, 'NewValue')])
      : []
    const problems = [...problemsAmong([rowId, accountId, by, at]), ...values]
    if (E.isRight(rowId) && !/^[A-Za-z0-9]{1,64}$/.test(rowId.right)) problems.push(rowProblem('invalid-id', place, 'Id', 'is not a Salesforce record id'))
    if (problems.length > 0 || E.isLeft(rowId) || E.isLeft(accountId) || E.isLeft(by) || E.isLeft(at)) {
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
        from: field === 'created' ? null : salesforceOwner(oldValue),
        to: field === 'created' ? nobody : salesforceOwner(newValue),
        changedBy: by.right,
        reason: null,
        key: `salesforce:AccountHistory:${rowId.right}`,
        pairKey: field === 'created' ? null : pairKey,
        place,
      },
    }
  }
}
