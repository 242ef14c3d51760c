/**
 * The principal directory (Austrittsverzeichnis): who was offboarded, since when, and who
 * succeeds them — read from the principal streams. Decisions get it as a plain lookup in their
 * context, so `decide` stays pure; the command handler fills it from a `PrincipalDirectory`
 * before each decision, asking only about the principals that decision names.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { PrincipalId } from '../ids.js'
import type { Instant } from '../instant.js'
import type { EventStore } from '../store/event-store.js'
import { isStoreError, type StoreError } from '../store/store-errors.js'
import { principalStream } from '../store/stream-id.js'

/**
 * A principal's offboarding as the directory knows it.
 * @category offboarding
 * @since 0.2.0
 */
export interface Offboarding {
  /** Business time of the offboarding. */
  readonly offboardedAt: Instant
  /** Who takes over their accounts; `null` when they are orphaned. */
  readonly successorId: PrincipalId | null
}

/**
 * The offboarding of a principal, or `null` while they are active.
 * @category offboarding
 * @since 0.2.0
 */
export type OffboardingLookup = (principalId: PrincipalId) => Offboarding | null

/**
 * The lookup of a directory where nobody is offboarded.
 * @category offboarding
 * @since 0.2.0
 */
export const nobodyOffboarded: OffboardingLookup = () => null

/**
 * A lookup over known offboardings, e.g. in tests: `offboardedAmong(new Map([[hanna, { offboardedAt, successorId: felix }]]))`.
 * @category offboarding
 * @since 0.2.0
 */
export const offboardedAmong =
  (offboardings: ReadonlyMap<PrincipalId, Offboarding>): OffboardingLookup =>
  (principalId) =>
    offboardings.get(principalId) ?? null

/**
 * The port the command handler reads offboardings through.
 * @category offboarding
 * @since 0.2.0
 */
export interface PrincipalDirectory {
  /** The offboardings among `principalIds`; active principals are absent from the map. */
  readonly offboardingsOf: (principalIds: ReadonlyArray<PrincipalId>) => Promise<E.Either<StoreError, ReadonlyMap<PrincipalId, Offboarding>>>
}

/**
 * The directory read from the store: one short `principal-<id>` stream per principal asked about.
 * @category offboarding
 * @since 0.2.0
 */
export const storePrincipalDirectory = (store: EventStore): PrincipalDirectory => ({
  async offboardingsOf(principalIds) {
    const found = new Map<PrincipalId, Offboarding>()
    try {
      for (const principalId of new Set(principalIds)) {
        for await (const event of store.readStream(principalStream(principalId))) {
          if (event.type === 'PrincipalOffboarded' && !found.has(principalId)) {
            const { successorId } = event.data as { readonly successorId: PrincipalId | null }
            found.set(principalId, { offboardedAt: event.metadata.occurredAt, successorId })
          }
        }
      }
      return E.right(found)
    } catch (e) {
      if (isStoreError(e)) return E.left(e)
      throw e
    }
  },
})

/**
 * The offboardings among `principalIds` and, transitively, among their successors — so that a
 * decision can follow a chain of successors to one who is still active.
 * @category offboarding
 * @since 0.2.0
 */
export const offboardingsWithSuccessors = async (
  directory: PrincipalDirectory,
  principalIds: ReadonlyArray<PrincipalId>,
): Promise<E.Either<StoreError, ReadonlyMap<PrincipalId, Offboarding>>> => {
  const known = new Map<PrincipalId, Offboarding>()
  const asked = new Set<PrincipalId>()
  let next = [...new Set(principalIds)]
  while (next.length > 0) {
    next.forEach((p) => asked.add(p))
    const found = await directory.offboardingsOf(next)
    if (E.isLeft(found)) return found
    found.right.forEach((o, p) => known.set(p, o))
    next = [...found.right.values()].flatMap((o) => (o.successorId !== null && !asked.has(o.successorId) ? [o.successorId] : []))
  }
  return E.right(known)
}

/**
 * Who takes over from an offboarded principal: the named successor, or — where they left too —
 * their successor, and so on; `null` when the chain ends without an active principal.
 * @category offboarding
 * @since 0.2.0
 */
export const activeSuccessor = (offboarded: OffboardingLookup, successorId: PrincipalId | null): PrincipalId | null => {
  const seen = new Set<PrincipalId>()
  let candidate = successorId
  while (candidate !== null) {
    const left = offboarded(candidate)
    if (left === null) return candidate
    if (seen.has(candidate)) return null
    seen.add(candidate)
    candidate = left.successorId
  }
  return null
}
