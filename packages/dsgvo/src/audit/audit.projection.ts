/**
 * The audit projection (Prüfpfad): who could access which account's data, from when to when, on
 * which legal basis, for which purpose, granted by whom — owners, team members and grantees
 * alike — and which contact persons each account map names, who was offboarded, what was erased,
 * and how long an archived account's records must be kept. Time comes only from the events.
 *
 * Periods are entitlements: an owner's runs from assignment to transfer or orphaning, a team
 * member's from joining to leaving (or a transfer that drops the team), a grant's from
 * `validFrom` to its expiry, cut short by a revocation or a recorded expiry. While an account is
 * archived nobody may access it; the report shows the archive beside the periods.
 *
 * @module
 */
import type { Instant } from '@account-ownership/core'
import { defineProjection, positionOf, type RecordedOf } from '@account-ownership/projections'
import type { Transaction } from 'kysely'
import { recordKindOf, retentionUntil, defaultRetentionPolicy, type RetentionPolicy } from '../retention/retention-policy.js'
import { stakeholderSubject } from '../subject/subject-id.js'
import { auditTableNames, createAuditTables, type AccessPeriodTable, type AuditTables } from './audit.table.js'
import { defaultProcessingPurposes, type ProcessingPurposes } from './processing-purposes.js'

type Handled =
  | 'AccountOpened'
  | 'AccountClassified'
  | 'OwnershipAssigned'
  | 'OwnershipTransferred'
  | 'AccountOrphaned'
  | 'TeamMemberAdded'
  | 'TeamMemberRemoved'
  | 'AccessGranted'
  | 'AccessRevoked'
  | 'AccessExpired'
  | 'StakeholderMapped'
  | 'StakeholderRemoved'
  | 'AccountArchived'
  | 'AccountRestored'
  | 'PrincipalOffboarded'
  | 'PersonalDataErased'

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

type Tx = Transaction<AuditTables>
type PeriodWhere = { readonly accountId: string; readonly kind: AccessPeriodTable['kind']; readonly principalId?: string; readonly detail?: string }

// Close the open periods that match; a grant's end is the earlier of its expiry and the event.
const closePeriods = async (tx: Tx, where: PeriodWhere, at: Instant, how: string, position: bigint): Promise<void> => {
  let query = tx
    .selectFrom('dsgvo_access_periods')
    .select(['source_position', 'principal_id', 'to_at'])
    .where('account_id', '=', where.accountId)
    .where('kind', '=', where.kind)
    .where('end_position', 'is', null)
  if (where.principalId !== undefined) query = query.where('principal_id', '=', where.principalId)
  if (where.detail !== undefined) query = query.where('detail', '=', where.detail)
  for (const row of await query.execute()) {
    await tx
      .updateTable('dsgvo_access_periods')
      .set({ to_at: row.to_at !== null && row.to_at < at ? row.to_at : at, ended_how: how, end_position: position.toString() })
      .where('source_position', '=', positionOf(row.source_position).toString())
      .where('principal_id', '=', row.principal_id)
      .execute()
  }
}

/**
 * The audit projection over the tables of `createAuditTables`.
 * @category projections
 * @since 0.1.0
 * @example
 * const runtime = projectionRuntime({ store, db, projections: [auditProjection()] })
 */
export const auditProjection = (options: AuditProjectionOptions = {}) => {
  const purposes = options.purposes ?? defaultProcessingPurposes
  const retention = options.retention ?? defaultRetentionPolicy
  return defineProjection<AuditTables, Handled>({
    name: 'dsgvo-audit',
    version: 1,
    handles: [
      'AccountOpened',
      'AccountClassified',
      'OwnershipAssigned',
      'OwnershipTransferred',
      'AccountOrphaned',
      'TeamMemberAdded',
      'TeamMemberRemoved',
      'AccessGranted',
      'AccessRevoked',
      'AccessExpired',
      'StakeholderMapped',
      'StakeholderRemoved',
      'AccountArchived',
      'AccountRestored',
      'PrincipalOffboarded',
      'PersonalDataErased',
    ],
    tables: [...auditTableNames],
    createTables: createAuditTables,
    async apply(event, tx) {
      const at = event.metadata.occurredAt
      const position = event.metadata.globalPosition
      const open = (values: Omit<AccessPeriodTable, 'to_at' | 'ended_how' | 'end_position' | keyof ReturnType<typeof sourceOf>> & { to_at?: string | null }) =>
        tx.insertInto('dsgvo_access_periods').values({ to_at: null, ...values, ended_how: null, end_position: null, ...sourceOf(event) }).execute()
      const owner = (accountId: string, ownerId: string, grantedBy: string) =>
        open({ account_id: accountId, principal_id: ownerId, kind: 'owner', detail: null, scope: 'read-write', purpose: purposes.owner.purpose, legal_basis: purposes.owner.legalBasis, granted_by: grantedBy, from_at: at })
      switch (event.type) {
        case 'AccountOpened':
          return void (await tx.insertInto('dsgvo_accounts').values({ account_id: event.data.accountId, tenant_id: event.data.tenantId, tier: event.data.tier, opened_at: at, archived_at: null, archive_reason: null, record_kind: null, retention_until: null }).execute())
        case 'AccountClassified':
          return void (await tx.updateTable('dsgvo_accounts').set({ tier: event.data.tier }).where('account_id', '=', event.data.accountId).execute())
        case 'OwnershipAssigned':
          await closePeriods(tx, { accountId: event.data.accountId, kind: 'owner' }, at, 'reassigned', position)
          return void (await owner(event.data.accountId, event.data.ownerId, event.data.assignedBy))
        case 'OwnershipTransferred':
          await closePeriods(tx, { accountId: event.data.accountId, kind: 'owner' }, at, 'transferred', position)
          if (!event.data.keepsTeam) await closePeriods(tx, { accountId: event.data.accountId, kind: 'team' }, at, 'team-dropped-on-transfer', position)
          return void (await owner(event.data.accountId, event.data.toOwnerId, event.data.transferredBy))
        case 'AccountOrphaned':
          return closePeriods(tx, { accountId: event.data.accountId, kind: 'owner' }, at, 'orphaned', position)
        case 'TeamMemberAdded':
          await closePeriods(tx, { accountId: event.data.accountId, kind: 'team', principalId: event.data.principalId }, at, 'role-changed', position)
          return void (await open({ account_id: event.data.accountId, principal_id: event.data.principalId, kind: 'team', detail: event.data.role, scope: 'read-write', purpose: purposes.team.purpose, legal_basis: purposes.team.legalBasis, granted_by: event.data.addedBy, from_at: at }))
        case 'TeamMemberRemoved':
          return closePeriods(tx, { accountId: event.data.accountId, kind: 'team', principalId: event.data.principalId }, at, 'removed', position)
        case 'AccessGranted': {
          const d = event.data
          await closePeriods(tx, { accountId: d.accountId, kind: 'grant', detail: d.grantId }, at, 'granted-again', position)
          return void (await open({ account_id: d.accountId, principal_id: d.granteeId, kind: 'grant', detail: d.grantId, scope: d.scope, purpose: d.purpose, legal_basis: d.legalBasis, granted_by: d.grantedBy, from_at: d.validFrom, to_at: d.expiresAt }))
        }
        case 'AccessRevoked':
          return closePeriods(tx, { accountId: event.data.accountId, kind: 'grant', detail: event.data.grantId }, at, 'revoked', position)
        case 'AccessExpired':
          return closePeriods(tx, { accountId: event.data.accountId, kind: 'grant', detail: event.data.grantId }, event.data.expiredAt, 'expired', position)
        case 'StakeholderMapped':
          return void (await tx
            .insertInto('dsgvo_stakeholder_mentions')
            .values({ account_id: event.data.accountId, stakeholder_id: event.data.stakeholderId, subject_id: stakeholderSubject(event.data.stakeholderId), role: event.data.role, mapped_by: event.data.mappedBy, mapped_at: at, removed_at: null, ...sourceOf(event) })
            .execute())
        case 'StakeholderRemoved':
          return void (await tx
            .updateTable('dsgvo_stakeholder_mentions')
            .set({ removed_at: at })
            .where('account_id', '=', event.data.accountId)
            .where('stakeholder_id', '=', event.data.stakeholderId)
            .where('removed_at', 'is', null)
            .execute())
        case 'AccountArchived': {
          const account = await tx.selectFrom('dsgvo_accounts').select('tier').where('account_id', '=', event.data.accountId).executeTakeFirst()
          const kind = recordKindOf(retention, (account?.tier ?? 'standard') as never)
          return void (await tx
            .updateTable('dsgvo_accounts')
            .set({ archived_at: at, archive_reason: event.data.reason, record_kind: kind, retention_until: retentionUntil(retention, kind, at) ?? null })
            .where('account_id', '=', event.data.accountId)
            .execute())
        }
        case 'AccountRestored':
          return void (await tx.updateTable('dsgvo_accounts').set({ archived_at: null, archive_reason: null, record_kind: null, retention_until: null }).where('account_id', '=', event.data.accountId).execute())
        case 'PrincipalOffboarded':
          return void (await tx.insertInto('dsgvo_offboardings').values({ principal_id: event.data.principalId, offboarded_at: at, offboarded_by: event.data.offboardedBy, successor_id: event.data.successorId, ...sourceOf(event) }).execute())
        case 'PersonalDataErased':
          return void (await tx
            .insertInto('dsgvo_erasures')
            .values({ subject_id: event.data.subjectId, erased_at: at, erased_by: event.data.erasedBy, legal_ground: event.data.legalGround, keys_destroyed: event.data.keysDestroyed, ...sourceOf(event) })
            .execute())
      }
    },
  })
}
