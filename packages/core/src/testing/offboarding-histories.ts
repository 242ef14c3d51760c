/**
 * Generated histories across streams, for the properties of offboarding (invariant 10):
 * command sequences on a few accounts, merged in business-time order, with offboardings of
 * their principals dropped in between — each dated near its neighbours, now and then a little
 * earlier than the accounts' latest events, so that handovers meet archived accounts, restores,
 * successors who left too, and accounts that moved on before the offboarding was recorded.
 *
 * @module
 */
import fc from 'fast-check'
import type { AccountId, PrincipalId } from '../ids.js'
import { plusMillis, type Instant } from '../instant.js'
import type { Policy } from '../policy.js'
import { policyArbitrary } from './arbitraries.js'
import { commandSequenceArbitrary, type CommandStep } from './command-sequences.js'
import { account, cast } from './fixtures.js'

/**
 * One step of a history: an account command, or the offboarding of a principal.
 * @category testing
 * @since 0.2.0
 */
export type HistoryStep =
  | ({ readonly kind: 'account' } & CommandStep)
  | { readonly kind: 'offboarding'; readonly principalId: PrincipalId; readonly successorId: PrincipalId | null; readonly actor: PrincipalId; readonly at: Instant }

/**
 * A history over several accounts and principals under one policy.
 * @category testing
 * @since 0.2.0
 */
export interface OffboardingHistory {
  readonly policy: Policy
  readonly accountIds: ReadonlyArray<AccountId>
  readonly principals: ReadonlyArray<PrincipalId>
  readonly steps: ReadonlyArray<HistoryStep>
}

const day = 24 * 3600 * 1000

/**
 * Histories of two accounts with up to three offboardings among the principals who are not the
 * admin (the first principal).
 * @category testing
 * @since 0.2.0
 */
export const offboardingHistoryArbitrary = (
  options: { readonly principals?: ReadonlyArray<PrincipalId>; readonly maxSteps?: number } = {},
): fc.Arbitrary<OffboardingHistory> => {
  const principals = options.principals ?? [cast.dora, cast.hanna, cast.felix, cast.sven]
  const [admin = cast.dora, ...others] = principals
  const accountIds = [account('kunde-1'), account('kunde-2')]
  const offboarding = fc.record({
    principalId: fc.constantFrom(...others),
    successorId: fc.option(fc.constantFrom(...others), { nil: null }),
    place: fc.nat(),
    shift: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -2 * day, max: -1 }) }),
  })
  return policyArbitrary([admin]).chain((policy) =>
    fc
      .record({
        sequences: fc.tuple(...accountIds.map((accountId) => commandSequenceArbitrary({ accountId, policy, principals, maxSteps: options.maxSteps ?? 30 }))),
        offboardings: fc.array(offboarding, { maxLength: 3 }),
      })
      .map(({ sequences, offboardings }) => {
        const steps: HistoryStep[] = sequences
          .flatMap((s) => s.steps)
          .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
          .map((step) => ({ kind: 'account', ...step }))
        for (const o of offboardings) {
          const index = o.place % (steps.length + 1)
          const near = steps[Math.max(index - 1, 0)]?.at ?? sequences[0]?.steps[0]?.at
          const at = plusMillis(near ?? ('2026-03-12T09:00:00.000Z' as Instant), o.shift)
          steps.splice(index, 0, { kind: 'offboarding', principalId: o.principalId, successorId: o.successorId, actor: admin, at })
        }
        return { policy, accountIds, principals, steps }
      }),
  )
}
