/**
 * Shared fixtures of the test kit, kept once: a cast of principals, a policy, a fixed clock,
 * and builders of new events and command contexts.
 *
 * @module
 */
import type { DecisionContext } from '../account/decision-context.js'
import type { AccountEvent } from '../account/account-event.js'
import type { CommandContext } from '../command-handler/command-context.js'
import type { AccountId, CommandId, CorrelationId, EventId, PrincipalId, TenantId } from '../ids.js'
import { instantOf, type Clock, type Instant } from '../instant.js'
import { defaultPolicy, type Policy } from '../policy.js'
import type { NewEvent } from '../store/recorded-event.js'

/** The principals of the examples and tests. @category testing @since 0.1.0 */
export const cast = {
  /** Sales director, an admin. */
  dora: 'dora' as PrincipalId,
  /** Hunter: wins new customers. */
  hanna: 'hanna' as PrincipalId,
  /** Farmer: grows existing customers. */
  felix: 'felix' as PrincipalId,
  /** Support engineer who needs access now and then. */
  sven: 'sven' as PrincipalId,
  /** External auditor. */
  ada: 'ada' as PrincipalId,
} as const

/** The tenant of the examples. @category testing @since 0.1.0 */
export const tenant = 'acme-de' as TenantId

/** An account id. @category testing @since 0.1.0 */
export const account = (id = 'kunde-1'): AccountId => id as AccountId

/** The default policy with Dora as admin. @category testing @since 0.1.0 */
export const testPolicy: Policy = { ...defaultPolicy, admins: [cast.dora] }

/** The instant every test clock starts at. @category testing @since 0.1.0 */
export const epoch: Instant = instantOf(Date.UTC(2026, 2, 12, 9, 0, 0))

/**
 * A clock that starts at `start` and moves `stepMs` forward on every reading.
 * @category testing
 * @since 0.1.0
 */
export const steppingClock = (start: Instant = epoch, stepMs = 1000): Clock => {
  let t = Date.parse(start) - stepMs
  return () => {
    t += stepMs
    return instantOf(t)
  }
}

/** A decision context at `now` by `actor`. @category testing @since 0.1.0 */
export const decisionContext = (actor: PrincipalId = cast.dora, now: Instant = epoch, policy: Policy = testPolicy): DecisionContext => ({ actor, now, policy })

let counter = 0

/** A command context with a fresh command id. @category testing @since 0.1.0 */
export const commandContext = (actor: PrincipalId = cast.dora, extra: Partial<CommandContext> = {}): CommandContext => ({
  commandId: `cmd-${++counter}` as CommandId,
  actor,
  tenantId: tenant,
  ...extra,
})

/**
 * A new event ready to append, with fresh metadata.
 * @category testing
 * @since 0.1.0
 */
export const newEvent = (event: AccountEvent, meta: { eventId?: string; at?: Instant; actor?: PrincipalId } = {}): NewEvent => {
  const id = meta.eventId ?? `evt-${++counter}`
  return {
    ...event,
    metadata: {
      eventId: id as EventId,
      occurredAt: meta.at ?? epoch,
      actor: { principalId: meta.actor ?? cast.dora },
      tenantId: tenant,
      correlationId: `corr-${id}` as CorrelationId,
      causationId: `corr-${id}` as CorrelationId,
      commandId: `cmd-${id}` as CommandId,
    },
  } as NewEvent
}

/**
 * The events of an account's usual first steps: opened, assigned, a team member, a grant.
 * @category testing
 * @since 0.1.0
 */
export const openedAccountEvents = (accountId: AccountId = account(), owner: PrincipalId = cast.hanna): ReadonlyArray<AccountEvent> => [
  { type: 'AccountOpened', data: { accountId, tenantId: tenant, displayName: 'ACME Maschinenbau GmbH', tier: 'key', openedBy: cast.dora } },
  { type: 'OwnershipAssigned', data: { accountId, ownerId: owner, assignedBy: cast.dora } },
  { type: 'TeamMemberAdded', data: { accountId, principalId: cast.felix, role: 'customer-success', addedBy: owner } },
  {
    type: 'AccessGranted',
    data: {
      accountId,
      grantId: 'grant-1' as never,
      granteeId: cast.sven,
      scope: 'read',
      purpose: 'customer-support',
      purposeNote: 'Support ticket 4711',
      legalBasis: 'art6-1-b-contract',
      grantedBy: owner,
      validFrom: epoch,
      expiresAt: instantOf(Date.parse(epoch) + 7 * 24 * 3600 * 1000),
    },
  },
]
