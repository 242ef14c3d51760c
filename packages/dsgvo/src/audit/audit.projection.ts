/**
 * The audit projection (Prüfpfad): who could access which account's data, from when to when, on
 * which legal basis, for which purpose, granted by whom — owners, team members and grantees
 * alike — and which contact persons each account map names, who was offboarded, what was erased,
 * which accounts are natural persons (sole traders) and where their own data was last sealed, how
 * long an archived account's records must be kept, and — from every event — which employees
 * acted in it (actor, on whose behalf, the `*By` field) or are named in it (successor, transfer
 * request). Time comes only from the events.
 *
 * Periods are entitlements: an owner's runs from assignment to transfer or orphaning, a team
 * member's from joining to leaving (or a transfer that drops the team), a grant's from
 * `validFrom` to its expiry, cut short by a revocation or a recorded expiry. While an account is
 * archived nobody may access it: the archive spells are kept beside the periods, and the reports
 * cut each period by them (core's one definition of "could access").
 *
 * @module
 */
import type { DomainEventType, Instant } from '@account-ownership/core'
import { defineProjection, insertRows, loadBatchRows, type BatchRow, type BatchTable, type RecordedOf } from '@account-ownership/projections'
import * as E from 'fp-ts/lib/Either.js'
import { recordKindOf, retentionUntil, defaultRetentionPolicy, type RetentionPolicy } from '../retention/retention-policy.js'
import { auditTableNames, createAuditTables, type AccessPeriodTable, type ArchiveSpellTable, type AuditAccountTable, type AuditTables, type ErasureTable, type OffboardingTable, type PrincipalRoleTable, type StakeholderMentionTable } from './audit.table.js'
import { everyEventType, principalRolesOf } from './principal-roles.js'
import { defaultProcessingPurposes, type ProcessingPurposes } from './processing-purposes.js'

type Handled = DomainEventType

/**
 * What the audit projection is configured with.
 * @category audit
 * @since 0.1.0
 */
export interface AuditProjectionOptions {
  readonly purposes?: ProcessingPurposes
  readonly retention?: RetentionPolicy
}

const sourceOf = (event: RecordedOf<Handled>) => ({
  source_stream: event.metadata.streamId,
  source_version: event.metadata.streamVersion.toString(),
  source_position: event.metadata.globalPosition.toString(),
})

const sourcePositions = ['source_version', 'source_position'] as const
const accessPeriods: BatchTable<AccessPeriodTable> = { table: 'dsgvo_access_periods', key: ['source_position', 'principal_id'], positions: [...sourcePositions, 'end_position'], open: 'end_position' }
const stakeholderMentions: BatchTable<StakeholderMentionTable> = { table: 'dsgvo_stakeholder_mentions', key: ['source_position'], positions: sourcePositions, open: 'removed_at' }
const auditAccounts: BatchTable<AuditAccountTable> = { table: 'dsgvo_accounts', key: ['account_id'], positions: ['own_data_position'] }
const archiveSpells: BatchTable<ArchiveSpellTable> = { table: 'dsgvo_archive_spells', key: ['account_id', 'archived_position'], positions: ['archived_position'], open: 'restored_at' }

type PeriodWhere = { readonly accountId: string; readonly kind: AccessPeriodTable['kind']; readonly principalId?: string; readonly detail?: string }

/**
 * The audit projection over the tables of `createAuditTables`.
 * @throws InvalidQueryError where `options.retention` has a time zone the runtime does not know
 * or a kind whose years are no whole number from 0 to 9999 (naming the field).
 * @category projections
 * @since 0.1.0
 * @example
 * const runtime = projectionRuntime({ store, db, projections: [auditProjection()] })
 */
export const auditProjection = (options: AuditProjectionOptions = {}) => {
  const purposes = options.purposes ?? defaultProcessingPurposes
  const retention = options.retention ?? defaultRetentionPolicy
  // A policy it cannot count with (an unknown time zone, years that are no whole number) would
  // file every archived account as without a period, unnoticed: refused where it is handed in.
  for (const kind of ['', ...Object.keys(retention.kinds ?? {})]) {
    const checked = retentionUntil(retention, kind, '2000-01-01T00:00:00.000Z')
    if (E.isLeft(checked)) throw checked.left
  }
  return defineProjection<AuditTables, Handled>({
    name: 'dsgvo-audit',
    // 5: retention periods count calendar years in the policy's time zone (Europe/Berlin by default).
    // 6: accounts record whether they are a sole trader and where their own data was last sealed.
    version: 6,
    handles: everyEventType,
    tables: [...auditTableNames],
    createTables: createAuditTables,
    async load(events, tx) {
      const accountIds = events.flatMap((event) => ('accountId' in event.data ? [event.data.accountId] : []))
      const periods = await loadBatchRows(tx, accessPeriods, accountIds)
      const mentions = await loadBatchRows(tx, stakeholderMentions, accountIds)
      const accounts = await loadBatchRows(tx, auditAccounts, accountIds)
      const spells = await loadBatchRows(tx, archiveSpells, accountIds)
      const offboardings: Array<BatchRow<OffboardingTable>> = []
      const erasures: Array<BatchRow<ErasureTable>> = []
      const roles: Array<BatchRow<PrincipalRoleTable>> = []
      // Close the open periods that match; a grant's end is the earlier of its expiry and the event,
      // and never before its start (a scheduled grant revoked before its validFrom was never in force).
      const closePeriods = (where: PeriodWhere, at: Instant, how: string, position: bigint): void => {
        for (const row of periods.openOf(where.accountId)) {
          if (row.kind !== where.kind || (where.principalId !== undefined && row.principal_id !== where.principalId) || (where.detail !== undefined && row.detail !== where.detail)) continue
          const end = row.to_at !== null && row.to_at < at ? row.to_at : at
          periods.update(row, { to_at: end < row.from_at ? row.from_at : end, ended_how: how, end_position: position.toString() })
        }
      }
      const changeAccount = (accountId: string, changes: Partial<BatchRow<AuditAccountTable>>): void => {
        const account = accounts.openOf(accountId)[0]
        if (account !== undefined) accounts.update(account, changes)
      }
      return {
        apply(event) {
          const at = event.metadata.occurredAt
          const position = event.metadata.globalPosition
          const open = (values: Omit<AccessPeriodTable, 'to_at' | 'ended_how' | 'end_position' | keyof ReturnType<typeof sourceOf>> & { to_at?: string | null }) =>
            periods.insert({ to_at: null, ...values, ended_how: null, end_position: null, ...sourceOf(event) })
          const owner = (accountId: string, ownerId: string, grantedBy: string) =>
            open({ account_id: accountId, principal_id: ownerId, kind: 'owner', detail: null, scope: 'read-write', purpose: purposes.owner.purpose, legal_basis: purposes.owner.legalBasis, granted_by: grantedBy, from_at: at })
          const accountId = 'accountId' in event.data ? event.data.accountId : null
          for (const r of principalRolesOf(event)) roles.push({ principal_id: r.principalId, kind: r.kind, role: r.role, event_type: event.type, account_id: accountId, occurred_at: at, ...sourceOf(event) })
          switch (event.type) {
            case 'AccountOpened': {
              // A sole trader's name is sealed under the account's own subject; a company's is not.
              const soleTrader = event.data.soleTrader === true
              const own = { sole_trader: soleTrader ? 1 : 0, own_data_position: soleTrader ? position.toString() : null }
              return accounts.insert({ account_id: event.data.accountId, tenant_id: event.data.tenantId, tier: event.data.tier, opened_at: at, archived_at: null, archive_reason: null, record_kind: null, retention_until: null, ...own })
            }
            case 'AccountClassified':
              // Criteria are sealed under the account's subject — under a new key after an erasure.
              return changeAccount(event.data.accountId, { tier: event.data.tier, ...(event.data.criteria.length > 0 ? { own_data_position: position.toString() } : {}) })
            case 'OwnershipAssigned':
              closePeriods({ accountId: event.data.accountId, kind: 'owner' }, at, 'reassigned', position)
              return owner(event.data.accountId, event.data.ownerId, event.data.assignedBy)
            case 'OwnershipTransferred':
              closePeriods({ accountId: event.data.accountId, kind: 'owner' }, at, 'transferred', position)
              if (!event.data.keepsTeam) closePeriods({ accountId: event.data.accountId, kind: 'team' }, at, 'team-dropped-on-transfer', position)
              return owner(event.data.accountId, event.data.toOwnerId, event.data.transferredBy)
            case 'AccountOrphaned':
              return closePeriods({ accountId: event.data.accountId, kind: 'owner' }, at, 'orphaned', position)
            case 'TeamMemberAdded':
              closePeriods({ accountId: event.data.accountId, kind: 'team', principalId: event.data.principalId }, at, 'role-changed', position)
              return open({ account_id: event.data.accountId, principal_id: event.data.principalId, kind: 'team', detail: event.data.role, scope: 'read-write', purpose: purposes.team.purpose, legal_basis: purposes.team.legalBasis, granted_by: event.data.addedBy, from_at: at })
            case 'TeamMemberRemoved':
              return closePeriods({ accountId: event.data.accountId, kind: 'team', principalId: event.data.principalId }, at, 'removed', position)
            case 'AccessGranted': {
              const d = event.data
              closePeriods({ accountId: d.accountId, kind: 'grant', detail: d.grantId }, at, 'granted-again', position)
              return open({ account_id: d.accountId, principal_id: d.granteeId, kind: 'grant', detail: d.grantId, scope: d.scope, purpose: d.purpose, legal_basis: d.legalBasis, granted_by: d.grantedBy, from_at: d.validFrom, to_at: d.expiresAt })
            }
            case 'AccessRevoked':
              return closePeriods({ accountId: event.data.accountId, kind: 'grant', detail: event.data.grantId }, at, 'revoked', position)
            case 'AccessExpired':
              return closePeriods({ accountId: event.data.accountId, kind: 'grant', detail: event.data.grantId }, event.data.expiredAt, 'expired', position)
            case 'StakeholderMapped':
              return mentions.insert({ account_id: event.data.accountId, stakeholder_id: event.data.stakeholderId, subject_id: `stakeholder:${event.data.stakeholderId}`, role: event.data.role, mapped_by: event.data.mappedBy, mapped_at: at, removed_at: null, ...sourceOf(event) })
            case 'StakeholderRemoved':
              for (const mention of mentions.openOf(event.data.accountId)) if (mention.stakeholder_id === event.data.stakeholderId) mentions.update(mention, { removed_at: at })
              return
            case 'AccountArchived': {
              const account = accounts.openOf(event.data.accountId)[0]
              const kind = recordKindOf(retention, (account?.tier ?? 'standard') as never)
              spells.insert({ account_id: event.data.accountId, archived_at: at, archived_position: position.toString(), restored_at: null })
              return changeAccount(event.data.accountId, { archived_at: at, archive_reason: event.data.reason, record_kind: kind, retention_until: E.getOrElseW(() => undefined)(retentionUntil(retention, kind, at)) ?? null })
            }
            case 'AccountRestored':
              for (const spell of spells.openOf(event.data.accountId)) spells.update(spell, { restored_at: at })
              return changeAccount(event.data.accountId, { archived_at: null, archive_reason: null, record_kind: null, retention_until: null })
            case 'PrincipalOffboarded':
              return void offboardings.push({ principal_id: event.data.principalId, offboarded_at: at, offboarded_by: event.data.offboardedBy, successor_id: event.data.successorId, ...sourceOf(event) })
            case 'PersonalDataErased':
              return void erasures.push({ subject_id: event.data.subjectId, erased_at: at, erased_by: event.data.erasedBy, legal_ground: event.data.legalGround, keys_destroyed: event.data.keysDestroyed, ...sourceOf(event) })
            default:
              // Transfer requests and the decisions on them: their roles only.
              return
          }
        },
        async save() {
          await accounts.save(tx)
          await spells.save(tx)
          await periods.save(tx)
          await mentions.save(tx)
          await insertRows(tx, 'dsgvo_offboardings', offboardings)
          await insertRows(tx, 'dsgvo_erasures', erasures)
          await insertRows(tx, 'dsgvo_principal_roles', roles)
        },
      }
    },
  })
}
