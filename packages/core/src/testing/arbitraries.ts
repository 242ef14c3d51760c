/**
 * fast-check arbitraries of the domain's values and commands, built from the codecs: ids that
 * their codec accepts, instants, every closed vocabulary (tiers, legal bases, …) by its own words,
 * reason codes from a policy, and one arbitrary per account command. Each command arbitrary
 * draws its ids from pools you can narrow, so that generated commands meet each other.
 *
 * @module
 */
import fc from 'fast-check'
import type * as t from 'io-ts'
import type { AccountCommand } from '../account/account-command.js'
import { AccountId, GrantId, PrincipalId, StakeholderId, TenantId, TransferId } from '../ids.js'
import { instantOf, type Instant } from '../instant.js'
import { knownReasonCodes, ReasonCode, type Policy, type PurposeCode } from '../policy.js'
import { AccessScope, ArchiveReason, LegalBasis, NonEmptyText, OrphanReason, RevocationReason, StakeholderRole, TeamRole, Tier } from '../vocabulary.js'
import { epoch, testPolicy } from './fixtures.js'

/**
 * Every word of a closed vocabulary codec (`Tier`, `LegalBasis`, …).
 * @category testing
 * @since 0.1.0
 * @example
 * fc.sample(wordOf(Tier), 3) // e.g. ['key', 'standard', 'key']
 */
export const wordOf = <W extends string>(vocabulary: t.KeyofC<Record<W, null>>): fc.Arbitrary<W> =>
  fc.constantFrom(...(Object.keys(vocabulary.keys) as W[]))

/**
 * An id its codec accepts: a letter or digit, then up to 15 of letters, digits and `._:-`
 * (short ids; `acceptedEventArbitrary` reaches for ids of 128 characters).
 * @category testing
 * @since 0.1.0
 */
export const idOf = <A>(codec: t.Type<A, string, unknown>): fc.Arbitrary<A> =>
  fc
    .stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,15}$/)
    .filter((s) => codec.is(s))
    .map((s) => s as A)

/** Any account id. @category testing @since 0.1.0 */
export const accountIdArbitrary: fc.Arbitrary<AccountId> = idOf(AccountId)
/** Any principal id. @category testing @since 0.1.0 */
export const principalIdArbitrary: fc.Arbitrary<PrincipalId> = idOf(PrincipalId)
/** Any grant id. @category testing @since 0.1.0 */
export const grantIdArbitrary: fc.Arbitrary<GrantId> = idOf(GrantId)
/** Any transfer id. @category testing @since 0.1.0 */
export const transferIdArbitrary: fc.Arbitrary<TransferId> = idOf(TransferId)
/** Any stakeholder id. @category testing @since 0.1.0 */
export const stakeholderIdArbitrary: fc.Arbitrary<StakeholderId> = idOf(StakeholderId)
/** Any tenant id. @category testing @since 0.1.0 */
export const tenantIdArbitrary: fc.Arbitrary<TenantId> = idOf(TenantId)

/**
 * An instant, by default within a year from the fixtures' epoch, at whole milliseconds.
 * @category testing
 * @since 0.1.0
 */
export const instantArbitrary = (from: Instant = epoch, days = 365): fc.Arbitrary<Instant> =>
  fc.integer({ min: 0, max: days * 24 * 3600 * 1000 }).map((ms) => instantOf(Date.parse(from) + ms))

/** A tier. @category testing @since 0.1.0 */
export const tierArbitrary: fc.Arbitrary<Tier> = wordOf(Tier)
/** A legal basis under Art. 6(1) DSGVO. @category testing @since 0.1.0 */
export const legalBasisArbitrary: fc.Arbitrary<LegalBasis> = wordOf(LegalBasis)
/** A scope of access. @category testing @since 0.1.0 */
export const accessScopeArbitrary: fc.Arbitrary<AccessScope> = wordOf(AccessScope)
/** A team role. @category testing @since 0.1.0 */
export const teamRoleArbitrary: fc.Arbitrary<TeamRole> = wordOf(TeamRole)
/** A buying-centre role. @category testing @since 0.1.0 */
export const stakeholderRoleArbitrary: fc.Arbitrary<StakeholderRole> = wordOf(StakeholderRole)
/** A reason to archive. @category testing @since 0.1.0 */
export const archiveReasonArbitrary: fc.Arbitrary<ArchiveReason> = wordOf(ArchiveReason)
/** A reason to orphan. @category testing @since 0.1.0 */
export const orphanReasonArbitrary: fc.Arbitrary<OrphanReason> = wordOf(OrphanReason)
/** A reason to revoke. @category testing @since 0.1.0 */
export const revocationReasonArbitrary: fc.Arbitrary<RevocationReason> = wordOf(RevocationReason)

/**
 * Free text its codec accepts: not blank, no control characters but tab and newline, at most
 * 40 characters here.
 * @category testing
 * @since 0.1.0
 */
export const textArbitrary: fc.Arbitrary<string> = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => NonEmptyText.is(s))

/**
 * A reason code the policy knows (its own and the handover's).
 * @category testing
 * @since 0.1.0
 */
export const reasonCodeArbitrary = (policy: Policy = testPolicy): fc.Arbitrary<ReasonCode> => fc.constantFrom(...knownReasonCodes(policy))

/**
 * A purpose code the policy lists for grants.
 * @category testing
 * @since 0.3.0
 */
export const purposeCodeArbitrary = (policy: Policy = testPolicy): fc.Arbitrary<PurposeCode> => fc.constantFrom(...policy.purposeCodes)

/**
 * A reason code that is well-formed but unknown to every policy of the kit.
 * @category testing
 * @since 0.1.0
 */
export const unknownReasonCodeArbitrary: fc.Arbitrary<ReasonCode> = fc.constantFrom('coffee-break', 'because', 'x').filter((s) => ReasonCode.is(s))

/**
 * A policy: four eyes per tier at random, grants of at most 30 or 90 days or without limit, the
 * default reason and purpose codes, and the given admins.
 * @category testing
 * @since 0.1.0
 */
export const policyArbitrary = (admins: Policy['admins'] = testPolicy.admins): fc.Arbitrary<Policy> =>
  fc.record({
    fourEyes: fc.record({ key: fc.boolean(), 'high-value': fc.boolean(), standard: fc.boolean() }),
    maxGrantDays: fc.constantFrom<number | null>(30, 90, null),
    reasonCodes: fc.constant<ReadonlyArray<ReasonCode>>(testPolicy.reasonCodes),
    purposeCodes: fc.constant<ReadonlyArray<PurposeCode>>(testPolicy.purposeCodes),
    admins: fc.constant(admins),
  })

/**
 * Where command arbitraries draw their values from. Narrow pools make commands meet: the same
 * few grants, transfers and principals come back, so that a revoke finds its grant.
 * @category testing
 * @since 0.1.0
 */
export interface CommandPools {
  readonly accountId: fc.Arbitrary<AccountId>
  readonly tenantId: fc.Arbitrary<TenantId>
  readonly principalId: fc.Arbitrary<PrincipalId>
  readonly grantId: fc.Arbitrary<GrantId>
  readonly transferId: fc.Arbitrary<TransferId>
  readonly stakeholderId: fc.Arbitrary<StakeholderId>
  readonly reasonCode: fc.Arbitrary<ReasonCode>
  readonly expiresAt: fc.Arbitrary<Instant | null>
  /** The purpose codes grants name; the test policy's by default. @since 0.3.0 */
  readonly purpose?: fc.Arbitrary<PurposeCode>
  /** Where a scheduled grant's `validFrom` comes from; any instant by default. */
  readonly validFrom?: fc.Arbitrary<Instant>
}

/**
 * Pools of any codec-valid values; override the ones to narrow.
 * @category testing
 * @since 0.1.0
 */
export const anyPools = (pools: Partial<CommandPools> = {}): CommandPools => ({
  accountId: accountIdArbitrary,
  tenantId: tenantIdArbitrary,
  principalId: principalIdArbitrary,
  grantId: grantIdArbitrary,
  transferId: transferIdArbitrary,
  stakeholderId: stakeholderIdArbitrary,
  reasonCode: reasonCodeArbitrary(),
  expiresAt: fc.option(instantArbitrary(), { nil: null }),
  ...pools,
})

type CommandOf<T extends AccountCommand['type']> = Extract<AccountCommand, { type: T }>

/**
 * One arbitrary per account command, each drawing from `pools`.
 * @category testing
 * @since 0.1.0
 * @example
 * const pools = anyPools({ accountId: fc.constant(account()), principalId: fc.constantFrom(cast.hanna, cast.felix) })
 * fc.assert(fc.property(accountCommandArbitraries(pools).GrantAccess, (command) => { ... }))
 */
export const accountCommandArbitraries = (pools: CommandPools = anyPools()): { readonly [T in AccountCommand['type']]: fc.Arbitrary<CommandOf<T>> } => {
  const command = <T extends AccountCommand['type']>(type: T, data: { [K in keyof CommandOf<T>['data']]: fc.Arbitrary<CommandOf<T>['data'][K]> }) =>
    fc.record({ type: fc.constant(type), data: fc.record(data) }) as unknown as fc.Arbitrary<CommandOf<T>>
  const { accountId, principalId, grantId, transferId, stakeholderId, reasonCode } = pools
  const purpose = pools.purpose ?? purposeCodeArbitrary()
  return {
    OpenAccount: fc.oneof(
      command('OpenAccount', { accountId, tenantId: pools.tenantId, displayName: textArbitrary, tier: tierArbitrary }),
      command('OpenAccount', { accountId, tenantId: pools.tenantId, displayName: textArbitrary, tier: tierArbitrary, soleTrader: fc.boolean() }),
    ),
    AssignOwner: command('AssignOwner', { accountId, ownerId: principalId }),
    TransferOwnership: fc.oneof(
      command('TransferOwnership', { accountId, transferId, toOwnerId: principalId, reasonCode }),
      command('TransferOwnership', { accountId, transferId, toOwnerId: principalId, reasonCode, keepsTeam: fc.boolean() }),
    ),
    ApproveTransfer: command('ApproveTransfer', { accountId, transferId }),
    RejectTransfer: command('RejectTransfer', { accountId, transferId, reason: textArbitrary }),
    OrphanAccount: command('OrphanAccount', { accountId, reason: orphanReasonArbitrary }),
    HandOverAccount: command('HandOverAccount', { accountId, offboardedId: principalId, successorId: fc.option(principalId, { nil: null }) }),
    AddTeamMember: command('AddTeamMember', { accountId, principalId, role: teamRoleArbitrary }),
    RemoveTeamMember: command('RemoveTeamMember', { accountId, principalId }),
    GrantAccess: fc.oneof(
      command('GrantAccess', { accountId, grantId, granteeId: principalId, scope: accessScopeArbitrary, purpose, legalBasis: legalBasisArbitrary, expiresAt: pools.expiresAt }),
      command('GrantAccess', {
        accountId,
        grantId,
        granteeId: principalId,
        scope: accessScopeArbitrary,
        purpose,
        purposeNote: textArbitrary,
        legalBasis: legalBasisArbitrary,
        expiresAt: pools.expiresAt,
        validFrom: pools.validFrom ?? instantArbitrary(),
      }),
    ),
    RevokeAccess: command('RevokeAccess', { accountId, grantId, reason: revocationReasonArbitrary }),
    RecordAccessExpiry: command('RecordAccessExpiry', { accountId, grantId }),
    ClassifyAccount: command('ClassifyAccount', {
      accountId,
      tier: tierArbitrary,
      score: fc.integer({ min: 0, max: 100 }),
      criteria: fc.array(textArbitrary, { maxLength: 3 }),
    }),
    MapStakeholder: fc.oneof(
      command('MapStakeholder', { accountId, stakeholderId, role: stakeholderRoleArbitrary, name: textArbitrary }),
      command('MapStakeholder', { accountId, stakeholderId, role: stakeholderRoleArbitrary, name: textArbitrary, email: fc.constantFrom('kontakt@acme.example', 'a@b.c') }),
    ),
    RemoveStakeholder: command('RemoveStakeholder', { accountId, stakeholderId }),
    ArchiveAccount: command('ArchiveAccount', { accountId, reason: archiveReasonArbitrary }),
    RestoreAccount: command('RestoreAccount', { accountId }),
  }
}

/**
 * Any codec-valid account command, drawing from `pools`.
 * @category testing
 * @since 0.1.0
 */
export const accountCommandArbitrary = (pools: CommandPools = anyPools()): fc.Arbitrary<AccountCommand> =>
  fc.oneof(...Object.values(accountCommandArbitraries(pools)))
