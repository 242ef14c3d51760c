/**
 * The generic CSV of ownership history, for every system without a reader of its own: one row
 * per owner change, `account_id`, `owner_id` (empty: nobody owns it from then on), `changed_at`
 * (ISO 8601 with a time zone), and optionally `changed_by`, `reason` (a reason code such as
 * `territory-change`; `migrated` where empty), `account_name` and `row_id` (the row's id in the
 * source system, which must name one row of the account in every file and export; without it the
 * row's content is its key). The first row of an account opens it. See docs/migrating-from-a-crm.md.
 *
 * @module
 */
import { ReasonCode } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import { createHash } from 'node:crypto'
import { csvRecords, type ReadObserver } from '../csv-records.js'
import { accountIdField, instantField, optionalPrincipalField, problemsAmong } from '../field-checks.js'
import { nobody, type SourceItem } from '../owner-change.js'
import { rowProblem, type RowPlace, type RowProblem } from '../row-problem.js'

/**
 * The columns of the generic CSV: the required, then the optional.
 * @category generic csv
 * @since 0.3.0
 */
export const ownershipCsvColumns = { required: ['account_id', 'owner_id', 'changed_at'], optional: ['changed_by', 'reason', 'account_name', 'row_id'] } as const

/* "Territory change" and "territory_change" are the reason code territory-change. */
const reasonOf = (value: string | undefined, place: RowPlace): E.Either<RowProblem, string | null> => {
  const text = (value ?? '').trim()
  if (text === '') return E.right(null)
  const code = text.toLowerCase().replace(/[\s_]+/g, '-')
  return ReasonCode.is(code) ? E.right(code) : E.left(rowProblem('invalid-value', place, 'reason', 'is not a reason code (a letter, then letters, digits and dashes; at most 64)'))
}

const rowIdPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/

/* The row's own id where it has one, else a digest of what it says: the same row in a new export keeps its key. */
const rowKey = (rowId: string, content: ReadonlyArray<string>): string =>
  rowId !== '' ? `csv:${rowId}` : `csv:${createHash('sha256').update(content.join('\u0000')).digest('hex').slice(0, 32)}`

/**
 * The owner changes of a generic ownership CSV at `path`, reported as `file`; each account it
 * names is yielded (unlisted) before its first change.
 * @category generic csv
 * @since 0.3.0
 */
export async function* ownershipCsv(path: string, file: string, observer: ReadObserver): AsyncGenerator<SourceItem> {
  for await (const { place, fields } of csvRecords(path, file, ownershipCsvColumns.required, observer)) {
    const accountId = accountIdField(fields['account_id'], place, 'account_id')
    const owner = optionalPrincipalField(fields['owner_id'], place, 'owner_id')
    const at = instantField(fields['changed_at'], place, 'changed_at')
    const by = optionalPrincipalField(fields['changed_by'], place, 'changed_by')
    const reason = reasonOf(fields['reason'], place)
    const rowId = (fields['row_id'] ?? '').trim()
    const problems = [...problemsAmong([accountId, owner, at, by, reason])]
    if (rowId !== '' && !rowIdPattern.test(rowId)) problems.push(rowProblem('invalid-id', place, 'row_id', 'is not an id (letters, digits, ".", "_", ":", "-"; at most 100)'))
    if (problems.length > 0 || E.isLeft(accountId) || E.isLeft(owner) || E.isLeft(at) || E.isLeft(by) || E.isLeft(reason)) {
      problems.forEach(observer.problem)
      continue
    }
    const name = (fields['account_name'] ?? '').trim()
    yield { _tag: 'account', account: { accountId: accountId.right, displayName: name === '' ? accountId.right : name, currentOwner: null, createdAt: null, ownerSince: null, listed: false, place, fields: { id: 'account_id', owner: 'owner_id' }, system: 'csv' } }
    yield {
      _tag: 'change',
      change: {
        accountId: accountId.right,
        kind: 'owner',
        at: at.right,
        from: null,
        to: owner.right === null ? nobody : { kind: 'person', id: owner.right },
        changedBy: by.right,
        reason: reason.right,
        key: rowKey(rowId, [accountId.right, owner.right ?? '', String(at.right), by.right ?? '', reason.right ?? '']),
        pairKey: null,
        place,
      },
    }
  }
}
