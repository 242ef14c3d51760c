/**
 * Salesforce exports made from a known ownership history, for tests and benchmarks: the Account
 * file (owner of today) and the AccountHistory file (a `created` row per account and, per owner
 * change, Salesforce's two rows — the names, then the ids), with ids shaped like Salesforce's
 * (`001…` accounts, `005…` users, `00G…` queues, `017…` history rows). Rows are written in the
 * order given; a caller that wants them shuffled shuffles the rows it is given.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { canonicalSalesforceId } from '../salesforce/salesforce-ids.js'

/**
 * An owner in a generated history: a user's id (`005…`) or a queue's (`00G…`).
 * @category testing
 * @since 0.3.0
 */
export type GeneratedOwner = string

/**
 * One account's generated history; instants in ms since the epoch, changes in time order.
 * @category testing
 * @since 0.3.0
 */
export interface GeneratedAccount {
  readonly id: string
  readonly name: string
  readonly createdAt: number
  readonly initialOwner: GeneratedOwner
  readonly changes: ReadonlyArray<{ readonly at: number; readonly to: GeneratedOwner; readonly by: string }>
}

/**
 * The 18-character Salesforce record id with `prefix` (3 characters) for the number `n`, its
 * checksum included.
 * @category testing
 * @since 0.3.0
 */
export const salesforceIdOf = (prefix: string, n: number): string => {
  const id15 = `${prefix}${n.toString(36).toUpperCase().padStart(12, '0')}`
  const canonical = canonicalSalesforceId(id15)
  if (E.isLeft(canonical)) throw new Error(`${id15} ${canonical.left}`)
  return canonical.right
}

/**
 * The Account export's header.
 * @category testing
 * @since 0.3.0
 */
export const accountHeader = 'Id,Name,OwnerId,Type,CreatedDate'

/**
 * The AccountHistory export's header.
 * @category testing
 * @since 0.3.0
 */
export const historyHeader = 'Id,IsDeleted,AccountId,CreatedById,CreatedDate,Field,DataType,OldValue,NewValue'

/* Salesforce's Data Loader writes +0000 offsets and quotes only where needed. */
const sfDate = (ms: number): string => new Date(ms).toISOString().replace('Z', '+0000')
const quoted = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
const ownerName = (o: GeneratedOwner): string => (o.startsWith('00G') ? `Queue ${o.slice(-6)}` : `User, ${o.slice(-6)}`)

/**
 * The Account row of `account` (its owner today is the last change's, or the initial owner).
 * @category testing
 * @since 0.3.0
 */
export const accountRow = (account: GeneratedAccount): string =>
  [account.id, quoted(account.name), account.changes.at(-1)?.to ?? account.initialOwner, 'Customer - Direct', sfDate(account.createdAt)].join(',')

/**
 * The AccountHistory rows of `account`, numbered from `firstRowNumber` (each row id is unique).
 * @category testing
 * @since 0.3.0
 */
export const historyRows = (account: GeneratedAccount, firstRowNumber: number): ReadonlyArray<string> => {
  let n = firstRowNumber
  const rows = [[salesforceIdOf('017', n++), 'false', account.id, account.changes[0]?.by ?? salesforceIdOf('005', 0), sfDate(account.createdAt), 'created', '', '', ''].join(',')]
  let owner = account.initialOwner
  for (const change of account.changes) {
    const common = [account.id, change.by, sfDate(change.at), 'Owner']
    rows.push([salesforceIdOf('017', n++), 'false', ...common, 'Text', quoted(ownerName(owner)), quoted(ownerName(change.to))].join(','))
    rows.push([salesforceIdOf('017', n++), 'false', ...common, 'EntityId', owner, change.to].join(','))
    owner = change.to
  }
  return rows
}

/**
 * Made-up histories, one account after another, the same for the same seed: about one account in
 * ten starts with or moves to a queue, each has up to six owner changes a few months apart.
 * @category testing
 * @since 0.3.0
 */
export function* madeUpHistories(seed: number, users = 40): Generator<GeneratedAccount> {
  let state = seed
  const next = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)
  const owner = () => (next() < 0.1 ? salesforceIdOf('00G', 1 + Math.floor(next() * 3)) : salesforceIdOf('005', 1 + Math.floor(next() * users)))
  for (let n = 1; ; n++) {
    const createdAt = Date.UTC(2012, 0, 1) + Math.floor(next() * 4000) * 86_400_000
    const initialOwner = owner()
    const changes: Array<{ at: number; to: string; by: string }> = []
    let current = initialOwner
    let at = createdAt
    for (let c = Math.floor(next() * 7); c > 0; c--) {
      at += (1 + Math.floor(next() * 200)) * 86_400_000
      const to = owner()
      if (to === current || (to.startsWith('00G') && current.startsWith('00G'))) continue
      changes.push({ at, to, by: salesforceIdOf('005', 999) })
      current = to
    }
    yield { id: salesforceIdOf('001', n), name: `Kunde ${n}, GmbH`, createdAt, initialOwner, changes }
  }
}

/**
 * The AccountHistory rows of `accounts` interleaved — row k of every account, then row k + 1 — so
 * that an export is not grouped by account; row ids are numbered from `firstRowNumber`.
 * @category testing
 * @since 0.3.0
 */
export const interleavedHistoryRows = (accounts: ReadonlyArray<GeneratedAccount>, firstRowNumber: number): ReadonlyArray<string> => {
  let row = firstRowNumber
  const perAccount = accounts.map((a) => {
    const rows = historyRows(a, row)
    row += rows.length
    return rows
  })
  const interleaved: string[] = []
  for (let k = 0; perAccount.some((rows) => k < rows.length); k++) for (const rows of perAccount) if (k < rows.length) interleaved.push(rows[k]!)
  return interleaved
}
