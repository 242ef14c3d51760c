/**
 * The plan of one account (Übernahmeplan): its CRM history replayed in business-time order into
 * the commands that record it — open the account, assign its first owner, then a transfer, an
 * assignment or an orphaning per owner change. Pure: rows that do not fit the history (an old
 * value that is not the owner at that time, a change before the account was created, a history
 * row of an account no account file lists) become problems and are left out, and a history that
 * ends with another owner than the CRM shows today is reported, never corrected.
 *
 * @module
 */
import type { AccountCommandInput, Tier } from '@account-ownership/core'
import { createHash } from 'node:crypto'
import { nobody, sameOwner, showOwner, sourceFields, type OwnerRef, type OwnershipChange, type SourceAccount } from '../owner-change.js'
import { rowProblem, type RowPlace, type RowProblem } from '../row-problem.js'

/**
 * The reason code of a transfer whose source names none.
 * @category migration
 * @since 0.3.0
 */
export const migratedReasonCode = 'migrated'

/**
 * The orphaning reason of an account handed to a queue.
 * @category migration
 * @since 0.3.0
 */
export const queueOrphanReason = 'owner-removed'

/**
 * One command of the plan, with its source row.
 * @category migration
 * @since 0.3.0
 */
export interface PlannedStep {
  /** The idempotency key within the account's stream: the source row's key (names the source system and row). */
  readonly commandId: string
  /**
   * Whether `commandId` is a source row's key (the row's time is then its own and must be the
   * time an earlier run recorded under that key); `false` for the steps the plan derives (the
   * opening where no row creates the account, the first owner).
   * @since 0.4.0
   */
  readonly fromRow: boolean
  /** Business time, ms since the epoch. */
  readonly occurredAt: number
  readonly command: AccountCommandInput
  /** Who made the change in the CRM (recorded as the importer acting on their behalf). */
  readonly changedBy: string | null
  readonly place: RowPlace
  /** The source field the domain's refusal is blamed on. */
  readonly field: string
}

/**
 * An account's plan and what did not fit it.
 * @category migration
 * @since 0.3.0
 */
export interface AccountPlan {
  readonly accountId: string
  readonly steps: ReadonlyArray<PlannedStep>
  readonly problems: ReadonlyArray<RowProblem>
  /** Changes that change nothing (the same owner again, one queue to another). */
  readonly unchanged: number
  /** Where the account is listed (or its first row), to blame account-wide problems on. */
  readonly place: RowPlace
  readonly idField: string
}

/**
 * What a plan is made under.
 * @category migration
 * @since 0.3.0
 */
export interface PlanSettings {
  readonly tenantId: string
  readonly tier: Tier
  /** Whether some file listed the accounts: history of an account none lists is then unknown. */
  readonly accountsListed: boolean
}

/* Ids are at most 128 characters and an event id adds a suffix to its command id: long keys are shortened to a digest. */
const maxCommandId = 120
const commandIdOf = (key: string): string => (key.length <= maxCommandId ? key : `${key.slice(0, key.indexOf(':') + 1)}${createHash('sha256').update(key).digest('hex').slice(0, 40)}`)

const ownerStep = (accountId: string, current: OwnerRef, to: OwnerRef, c: OwnershipChange, commandId: string): AccountCommandInput =>
  to.kind === 'nobody'
    ? { type: 'OrphanAccount', data: { accountId, reason: queueOrphanReason } }
    : current.kind === 'person'
      ? { type: 'TransferOwnership', data: { accountId, transferId: commandId, toOwnerId: to.id, reasonCode: c.reason ?? migratedReasonCode } }
      : { type: 'AssignOwner', data: { accountId, ownerId: to.id } }

/*
 * Changes at the same instant (Salesforce stores seconds; a flow can change an owner twice in one)
 * are put in the order their old and new values chain up — the first whose old value is the
 * owner so far, or, at the first instant, whose old value no other change there sets; where
 * that leaves a choice (A→B and B→A in one second), the staged order decides.
 */
const inChainOrder = (changes: ReadonlyArray<OwnershipChange>): ReadonlyArray<OwnershipChange> => {
  const ordered: OwnershipChange[] = []
  let owner: OwnerRef | null = null
  for (let i = 0; i < changes.length; ) {
    let end = i
    while (end < changes.length && changes[end]!.at === changes[i]!.at) end++
    const rest = changes.slice(i, end)
    while (rest.length > 0) {
      const known: OwnerRef | null = owner
      const next: number =
        known === null
          ? rest.findIndex((c) => c.from === null || !rest.some((o) => o !== c && sameOwner(o.to, c.from!)))
          : rest.findIndex((c) => c.from !== null && sameOwner(c.from, known))
      const c: OwnershipChange = rest.splice(Math.max(next, 0), 1)[0]!
      ordered.push(c)
      owner = c.to
    }
    i = end
  }
  return ordered
}

/**
 * The plan of `account` from its `changes` (sorted: business time, creation first, reading order).
 * @category migration
 * @since 0.3.0
 */
export const planAccount = (account: SourceAccount, changes: ReadonlyArray<OwnershipChange>, settings: PlanSettings): AccountPlan => {
  const { accountId } = account
  const first = changes[0]
  const place = account.listed || first === undefined ? account.place : first.place
  const idField = account.listed || first === undefined ? account.fields.id : sourceFields(first.key).accountId
  const plan = (steps: ReadonlyArray<PlannedStep>, problems: ReadonlyArray<RowProblem>, unchanged = 0): AccountPlan => ({ accountId, steps, problems, unchanged, place, idField })
  if (settings.accountsListed && !account.listed) {
    return plan([], changes.map((c) => rowProblem('unknown-account', c.place, sourceFields(c.key).accountId, 'names an account that no account file lists')))
  }
  const created = changes.find((c) => c.kind === 'created')
  const ownerChanges = inChainOrder(changes.filter((c) => c.kind === 'owner'))
  const openedAt = created?.at ?? account.createdAt ?? ownerChanges[0]?.at
  if (openedAt === undefined) return plan([], [])
  const openKey = commandIdOf(created?.key ?? `${account.system}:account:${accountId}:opened`)
  const steps: PlannedStep[] = [
    {
      commandId: openKey,
      occurredAt: openedAt,
      command: { type: 'OpenAccount', data: { accountId, tenantId: settings.tenantId, displayName: account.displayName, tier: settings.tier } },
      changedBy: created?.changedBy ?? null,
      fromRow: created !== undefined,
      place: created?.place ?? account.place,
      field: created === undefined ? account.fields.id : sourceFields(created.key).accountId,
    },
  ]
  const problems: RowProblem[] = []
  // The owner at creation: the old value of the first change, or — where nothing changed — the owner today.
  const firstChange = ownerChanges[0]
  const initial: OwnerRef = firstChange !== undefined ? (firstChange.from ?? nobody) : (account.currentOwner ?? nobody)
  if (initial.kind === 'person') {
    const since = firstChange === undefined ? Math.max(account.ownerSince ?? openedAt, openedAt) : openedAt
    steps.push({ commandId: `${openKey}:owner`, occurredAt: since, command: { type: 'AssignOwner', data: { accountId, ownerId: initial.id } }, changedBy: null, fromRow: false, place: account.place, field: account.fields.owner })
  }
  let current = initial
  let unchanged = 0
  for (const c of ownerChanges) {
    const fields = sourceFields(c.key)
    if (c.at < openedAt) {
      problems.push(rowProblem('refused', c.place, fields.at, `is before the account was created (${new Date(openedAt).toISOString()})`))
      continue
    }
    if (c.from !== null && !sameOwner(c.from, current)) {
      problems.push(rowProblem('old-value-mismatch', c.place, fields.oldOwner, `names ${showOwner(c.from)} as the owner before, but the owner at that time was ${showOwner(current)}`))
      continue
    }
    if (sameOwner(c.to, current)) {
      unchanged++
      continue
    }
    const commandId = commandIdOf(c.key)
    steps.push({ commandId, occurredAt: c.at, command: ownerStep(accountId, current, c.to, c, commandId), changedBy: c.changedBy, fromRow: true, place: c.place, field: fields.newOwner })
    current = c.to
  }
  if (account.currentOwner !== null && !sameOwner(current, account.currentOwner)) {
    problems.push(
      rowProblem('current-owner-disagrees', account.place, account.fields.owner, `is ${showOwner(account.currentOwner)}, but the history ends with ${showOwner(current)}; the history is imported as it is`),
    )
  }
  return plan(steps, problems, unchanged)
}
