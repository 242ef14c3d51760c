/**
 * What every CRM format is read into (Besitzwechsel): the accounts as the export knows them now,
 * and the changes of their owner, each with the row it comes from. A queue (Salesforce `00G…`)
 * or an empty owner is `nobody` — an account without an accountable person.
 *
 * @module
 */
import type { RowPlace } from './row-problem.js'

/**
 * An owner as a CRM names it: a person, or nobody accountable (a queue, an empty field).
 * @category migration
 * @since 0.3.0
 */
export type OwnerRef = { readonly kind: 'person'; readonly id: string } | { readonly kind: 'nobody' }

/**
 * Nobody accountable.
 * @category migration
 * @since 0.3.0
 */
export const nobody: OwnerRef = { kind: 'nobody' }

/**
 * Whether two owner references name the same owner (any two queues are the same nobody).
 * @category migration
 * @since 0.3.0
 */
export const sameOwner = (a: OwnerRef, b: OwnerRef): boolean => (a.kind === 'person' && b.kind === 'person' ? a.id === b.id : a.kind === b.kind)

/**
 * An owner for messages; never a name, ids only.
 * @category migration
 * @since 0.3.0
 */
export const showOwner = (o: OwnerRef): string => (o.kind === 'person' ? o.id : 'nobody (a queue or no owner)')

/**
 * The source system an import reads, named in every imported fact's command id.
 * @category migration
 * @since 0.3.0
 */
export type SourceSystem = 'salesforce' | 'hubspot' | 'csv'

/**
 * The names a source system gives the fields a problem can blame.
 * @category migration
 * @since 0.3.0
 */
export interface SourceFields {
  readonly rowId: string
  readonly accountId: string
  readonly at: string
  readonly oldOwner: string
  readonly newOwner: string
  readonly owner: string
}

const fieldsOf: Readonly<Record<SourceSystem, SourceFields>> = {
  salesforce: { rowId: 'Id', accountId: 'AccountId', at: 'CreatedDate', oldOwner: 'OldValue', newOwner: 'NewValue', owner: 'OwnerId' },
  hubspot: { rowId: 'timestamp', accountId: 'id', at: 'timestamp', oldOwner: 'value', newOwner: 'value', owner: 'hubspot_owner_id' },
  csv: { rowId: 'row_id', accountId: 'account_id', at: 'changed_at', oldOwner: 'owner_id', newOwner: 'owner_id', owner: 'owner_id' },
}

/**
 * The system a row key (`salesforce:…`, `hubspot:…`, `csv:…`) comes from.
 * @category migration
 * @since 0.3.0
 */
export const systemOfKey = (key: string): SourceSystem => (key.startsWith('salesforce:') ? 'salesforce' : key.startsWith('hubspot:') ? 'hubspot' : 'csv')

/**
 * The field names of the system a row key comes from.
 * @category migration
 * @since 0.3.0
 */
export const sourceFields = (key: string): SourceFields => fieldsOf[systemOfKey(key)]

/**
 * An account as the export lists it today.
 * @category migration
 * @since 0.3.0
 */
export interface SourceAccount {
  readonly accountId: string
  readonly displayName: string
  /** The owner the CRM shows now; `null` where the file names none to compare with. */
  readonly currentOwner: OwnerRef | null
  /** When the CRM created the account, in ms since the epoch; `null` where unknown. */
  readonly createdAt: number | null
  /** Since when the current owner holds it, where the file says (HubSpot's owner-assigned date). */
  readonly ownerSince: number | null
  /**
   * `true` when it comes from a list of accounts (Salesforce's Account file, HubSpot's
   * companies): a history row of an account no list names is then an unknown account.
   */
  readonly listed: boolean
  readonly place: RowPlace
  /** The names of the id and owner fields in its file, to blame in problems. */
  readonly fields: { readonly id: string; readonly owner: string }
  readonly system: SourceSystem
}

/**
 * One change of one account: its creation, or a new owner from `at` on.
 * @category migration
 * @since 0.3.0
 */
export interface OwnershipChange {
  readonly accountId: string
  readonly kind: 'created' | 'owner'
  /** Business time, ms since the epoch. */
  readonly at: number
  /** The owner before, as the source states it; `null` where the source does not say. */
  readonly from: OwnerRef | null
  readonly to: OwnerRef
  /** Who made the change in the CRM, where known. */
  readonly changedBy: string | null
  /** A reason code the source gives; `migrated` is used where it gives none. */
  readonly reason: string | null
  /**
   * The source row's own key (e.g. `salesforce:AccountHistory:017…`): the imported fact's command
   * id. A row is known by its account and its key; the same key in two accounts' histories names
   * two rows.
   */
  readonly key: string
  /** Salesforce's two rows of one owner change share it; `null` elsewhere. */
  readonly pairKey: string | null
  readonly place: RowPlace
}

/**
 * What a format reader yields, row by row.
 * @category migration
 * @since 0.3.0
 */
export type SourceItem =
  | { readonly _tag: 'account'; readonly account: SourceAccount }
  | { readonly _tag: 'change'; readonly change: OwnershipChange }
  /** Salesforce's row of an owner change that holds the names; kept to pair it with the row of ids. */
  | { readonly _tag: 'names-row'; readonly pairKey: string; readonly place: RowPlace }
