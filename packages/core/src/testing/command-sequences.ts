/**
 * Generated command sequences on one account — the raw material of property tests. Each step is
 * an actor, a command and the time it is decided at. Actors, grants, transfers and stakeholders
 * come from small pools (a few principals including an admin), so that commands meet: a good
 * share is accepted, the rest are refusals of every kind — an approval by the requester, a
 * revoke of a revoked grant, a transfer of an archived account.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import type { GrantAccess } from '../account/access/access-commands.js'
import type { AccountCommand } from '../account/account-command.js'
import { accountDecider } from '../account/account-decider.js'
import type { AccountError } from '../account/account-errors.js'
import type { AccountEvent } from '../account/account-event.js'
import type { AccountState } from '../account/account-state.js'
import type { Decider } from '../decider.js'
import type { DecisionContext } from '../account/decision-context.js'
import type { AccountId, GrantId, PrincipalId, StakeholderId, TransferId } from '../ids.js'
import { plusMillis, type Instant } from '../instant.js'
import { knownReasonCodes, type Policy, type ReasonCode } from '../policy.js'
import { accountCommandArbitraries, anyPools, policyArbitrary, unknownReasonCodeArbitrary } from './arbitraries.js'
import { account, cast, epoch, tenant, testPolicy } from './fixtures.js'

/**
 * One command, by one actor, at one time.
 * @category testing
 * @since 0.1.0
 */
export interface CommandStep {
  readonly actor: PrincipalId
  readonly command: AccountCommand
  readonly at: Instant
}

/**
 * Steps on one account under one policy, in the order they are decided; time never goes back.
 * @category testing
 * @since 0.1.0
 */
export interface CommandSequence {
  readonly accountId: AccountId
  readonly policy: Policy
  readonly steps: ReadonlyArray<CommandStep>
}

/**
 * The pools and sizes a sequence is drawn from; every option has a default from the fixtures.
 * @category testing
 * @since 0.1.0
 */
export interface CommandSequenceOptions {
  readonly accountId?: AccountId
  /** Who acts and who is named in commands; should include an admin of the policy. */
  readonly principals?: ReadonlyArray<PrincipalId>
  readonly grantIds?: ReadonlyArray<GrantId>
  readonly transferIds?: ReadonlyArray<TransferId>
  readonly stakeholderIds?: ReadonlyArray<StakeholderId>
  /** The policy, or an arbitrary of policies; by default four eyes and grant limits vary. */
  readonly policy?: Policy | fc.Arbitrary<Policy>
  /** The reason codes transfers name (besides a few unknown ones); the test policy's by default. */
  readonly reasonCodes?: ReadonlyArray<ReasonCode>
  readonly start?: Instant
  readonly maxSteps?: number
}

const day = 24 * 3600 * 1000

const weights: { readonly [T in AccountCommand['type']]: number } = {
  OpenAccount: 1,
  AssignOwner: 3,
  TransferOwnership: 5,
  ApproveTransfer: 5,
  RejectTransfer: 2,
  OrphanAccount: 2,
  HandOverAccount: 2,
  AddTeamMember: 3,
  RemoveTeamMember: 2,
  GrantAccess: 5,
  RevokeAccess: 2,
  RecordAccessExpiry: 3,
  ClassifyAccount: 2,
  MapStakeholder: 2,
  RemoveStakeholder: 1,
  ArchiveAccount: 1,
  RestoreAccount: 4,
}

/* A grant's start is drawn relative to the step's time: none given (now), later (scheduled), or earlier (refused). */
const startsIn = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 10 * day }) },
  { weight: 1, arbitrary: fc.integer({ min: -day, max: -1 }) },
)

/* A grant's expiry is drawn relative to its start: none, past, within the usual limits, or beyond them. */
const expiresIn = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.integer({ min: -day, max: 0 }) },
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 30 * day }) },
  { weight: 2, arbitrary: fc.integer({ min: 30 * day, max: 100 * day }) },
)

/**
 * Command sequences on one account. Most start by opening the account and assigning an owner;
 * then commands of every kind follow, weighted towards ownership and access.
 * @category testing
 * @since 0.1.0
 * @example
 * import { accountDecider } from '@account-ownership/core'
 * import { commandSequenceArbitrary, runCommandSequence } from '@account-ownership/core/testing'
 *
 * fc.assert(
 *   fc.property(commandSequenceArbitrary(), (sequence) => {
 *     for (const { step, result } of runCommandSequence(sequence)) {
 *       // check what each step decided against your own reading of the events
 *     }
 *   }),
 * )
 */
export const commandSequenceArbitrary = (options: CommandSequenceOptions = {}): fc.Arbitrary<CommandSequence> => {
  const accountId = options.accountId ?? account()
  const principals = options.principals ?? [cast.dora, cast.hanna, cast.felix, cast.sven]
  const [admin = cast.dora] = principals
  const codesOf = options.policy === undefined || isArbitrary(options.policy) ? testPolicy : options.policy
  const reasonCodes = options.reasonCodes ?? knownReasonCodes(codesOf)
  // Grants name the policy's purposes, and now and then one it does not list.
  const purposeCodes = codesOf.purposeCodes.length > 0 ? codesOf.purposeCodes : testPolicy.purposeCodes
  const transferPool = options.transferIds ?? (['transfer-1', 'transfer-2'] as TransferId[])
  const pools = anyPools({
    accountId: fc.oneof({ weight: 19, arbitrary: fc.constant(accountId) }, { weight: 1, arbitrary: fc.constant(account(`${accountId}-other`)) }),
    tenantId: fc.constant(tenant),
    principalId: fc.constantFrom(...principals),
    grantId: fc.constantFrom(...(options.grantIds ?? (['grant-1', 'grant-2', 'grant-3'] as GrantId[]))),
    transferId: mostlyFirst(transferPool),
    stakeholderId: fc.constantFrom(...(options.stakeholderIds ?? (['contact-1', 'contact-2'] as StakeholderId[]))),
    reasonCode: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...reasonCodes) }, { weight: 1, arbitrary: unknownReasonCodeArbitrary }),
    purpose: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...purposeCodes) }, { weight: 1, arbitrary: fc.constant('unlisted-purpose') }),
    expiresAt: fc.constant(null),
  })
  const commands = accountCommandArbitraries(pools)
  const command = fc.oneof(...(Object.keys(weights) as AccountCommand['type'][]).map((type) => ({ weight: weights[type], arbitrary: commands[type] as fc.Arbitrary<AccountCommand> })))
  const owner = principals[1] ?? admin
  const actor = fc.oneof({ weight: 3, arbitrary: fc.constant(admin) }, { weight: 2, arbitrary: fc.constant(owner) }, { weight: 1, arbitrary: fc.constantFrom(...principals) })
  const draft = fc.record({
    actor,
    command,
    gap: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 4, arbitrary: fc.integer({ min: 1, max: 3 * day }) }, { weight: 1, arbitrary: fc.integer({ min: 3 * day, max: 20 * day }) }),
    expiresIn,
    startsIn,
  })
  const policy = options.policy === undefined ? policyArbitrary([admin]) : isArbitrary(options.policy) ? options.policy : fc.constant(options.policy)
  const opening = commands.OpenAccount.map((c) => ({ ...c, data: { ...c.data, accountId } }))
  const prefix = fc.integer({ min: 0, max: 19 }).chain((n): fc.Arbitrary<ReadonlyArray<AccountCommand>> =>
    n === 0
      ? fc.constant([])
      : opening.map((open) => (n === 1 ? [open] : [open, { type: 'AssignOwner', data: { accountId, ownerId: owner } }])),
  )
  return fc.record({ policy, prefix, drafts: fc.array(draft, { maxLength: options.maxSteps ?? 40, size: 'max' }) }).map(({ policy, prefix, drafts }) => {
    let at = options.start ?? epoch
    const steps: CommandStep[] = prefix.map((c) => ({ actor: admin, command: c, at }))
    const transfers = transferNaming(transferPool[0]!)
    for (const d of drafts) {
      at = plusMillis(at, d.gap)
      const command: AccountCommand = d.command.type === 'GrantAccess' ? scheduled(d.command, at, d.startsIn, d.expiresIn) : transfers(d.command)
      steps.push({ actor: d.actor, command, at })
    }
    return { accountId, policy, steps }
  })
}

/* A grant drafted for the step at `at`: starting now or `startsIn` from it, expiring `expiresIn` after its start. */
const scheduled = (command: GrantAccess, at: Instant, startsIn: number | null, expiresIn: number | null): GrantAccess => {
  const { validFrom: _drawn, ...data } = command.data
  const start = startsIn === null ? at : plusMillis(at, startsIn)
  const expiresAt = expiresIn === null ? null : plusMillis(start, expiresIn)
  return { ...command, data: startsIn === null ? { ...data, expiresAt } : { ...data, expiresAt, validFrom: start } }
}

/*
 * Transfer ids are used once per account. A transfer drafted with the pool's first id gets a
 * fresh one, and an approval or rejection drafted with it names the latest transfer, so most
 * decisions meet the pending transfer; the pool's other ids are reused to meet the refusals.
 */
const transferNaming = (first: TransferId) => {
  let count = 0
  let latest = first
  return (command: AccountCommand): AccountCommand => {
    if (command.type === 'TransferOwnership' && command.data.transferId === first) {
      latest = `${first}-${++count}` as TransferId
      return { ...command, data: { ...command.data, transferId: latest } }
    }
    if (command.type === 'ApproveTransfer' && command.data.transferId === first) return { ...command, data: { ...command.data, transferId: latest } }
    if (command.type === 'RejectTransfer' && command.data.transferId === first) return { ...command, data: { ...command.data, transferId: latest } }
    return command
  }
}

/* The first of a pool most of the time, so that an approval usually names the pending transfer. */
const mostlyFirst = <A>(pool: ReadonlyArray<A>): fc.Arbitrary<A> =>
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pool.slice(0, 1)) }, { weight: 1, arbitrary: fc.constantFrom(...pool) })

const isArbitrary = (p: Policy | fc.Arbitrary<Policy>): p is fc.Arbitrary<Policy> => p instanceof fc.Arbitrary

/**
 * One decided step: the state it was decided in, and the events it led to or its refusal.
 * @category testing
 * @since 0.1.0
 */
export interface DecidedStep<S = AccountState> {
  readonly step: CommandStep
  readonly state: S
  readonly context: DecisionContext
  readonly result: E.Either<AccountError, ReadonlyArray<AccountEvent>>
}

/**
 * Decide every step of a sequence in turn, folding the accepted events into the state.
 * @category testing
 * @since 0.1.0
 */
export const runCommandSequence = <S = AccountState>(
  sequence: CommandSequence,
  decider: Decider<AccountCommand, AccountEvent, S, DecisionContext, AccountError> = accountDecider as unknown as Decider<AccountCommand, AccountEvent, S, DecisionContext, AccountError>,
): ReadonlyArray<DecidedStep<S>> => {
  let state = decider.initialState
  return sequence.steps.map((step) => {
    const context: DecisionContext = { actor: step.actor, now: step.at, policy: sequence.policy }
    const result = decider.decide(step.command, state, context)
    const decided = { step, state, context, result }
    if (E.isRight(result)) for (const event of result.right) state = decider.evolve(state, event)
    return decided
  })
}

/**
 * The events a run recorded, in order.
 * @category testing
 * @since 0.1.0
 */
export const recordedEvents = (run: ReadonlyArray<DecidedStep<unknown>>): ReadonlyArray<AccountEvent> =>
  run.flatMap(({ result }) => (E.isRight(result) ? result.right : []))
