/**
 * Who could access an account's data (Zugriff) — the one definition every answer of this library
 * shares: `hasAccess` on a replayed state, `accessAt` and `grantsOf` on the read models, and the
 * Art. 15 report, the disclosure's recipients and the access review on the audit tables.
 *
 * A principal could access an account's data at `t` when the account is open at `t` (opened and
 * not archived) and the principal is
 * - its owner at `t`, or
 * - a member of its account team at `t`, in any role, or
 * - the grantee of a grant in force at `t`: `validFrom ≤ t`, `t` before its `expiresAt`, and
 *   before a recorded revocation or expiry.
 *
 * Periods are half-open, `[from, to)`: an event at `t` takes effect at `t`. A period that ends
 * where it begins gave no access and is never reported. An archive suspends every period of its
 * account for as long as it lasts; a restore resumes those still running, so one entitlement can
 * give access in several parts.
 *
 * @module
 */
import type { PrincipalId } from '../../ids.js'
import type { Instant } from '../../instant.js'
import type { AccountState } from '../account-state.js'

/**
 * A span of business time, `[from, to)`; `to` is `null` while it runs.
 * @category access
 * @since 0.3.0
 */
export interface Span {
  readonly from: Instant
  readonly to: Instant | null
}

/**
 * A part of an entitlement in which it gave access; `suspendedBy` is the index (in the archives
 * given) of the archive that ended the part, or `null` when the entitlement itself ended or runs.
 * @category access
 * @since 0.3.0
 */
export interface AccessiblePart extends Span {
  readonly suspendedBy: number | null
}

/**
 * Whether `t` lies in the span.
 * @category access
 * @since 0.3.0
 */
export const spanHolds = (span: Span, t: Instant): boolean => span.from <= t && (span.to === null || t < span.to)

/**
 * The parts of an entitlement (an ownership, a team membership, a grant's validity) outside the
 * account's archives, in time order, none of zero length.
 * @category access
 * @since 0.3.0
 * @example
 * accessibleParts({ from: jan, to: null }, [{ from: mar, to: may }])
 * // [{ from: jan, to: mar, suspendedBy: 0 }, { from: may, to: null, suspendedBy: null }]
 */
export const accessibleParts = (entitlement: Span, archives: ReadonlyArray<Span>): ReadonlyArray<AccessiblePart> => {
  const order = archives.map((archive, index) => ({ archive, index })).sort((a, b) => (a.archive.from < b.archive.from ? -1 : a.archive.from > b.archive.from ? 1 : 0))
  const parts: AccessiblePart[] = []
  const push = (from: Instant, to: Instant | null, suspendedBy: number | null) => {
    if (to === null || from < to) parts.push({ from, to, suspendedBy })
  }
  let cursor = entitlement.from
  for (const { archive, index } of order) {
    if (archive.to !== null && (archive.to <= archive.from || archive.to <= cursor)) continue
    if (entitlement.to !== null && archive.from >= entitlement.to) break
    if (archive.from > cursor) push(cursor, archive.from, index)
    if (archive.to === null) return parts
    cursor = archive.to
  }
  push(cursor, entitlement.to, null)
  return parts
}

/**
 * Whether `principalId` could access the account's data at `at`, read off a state replayed up to
 * `at`: the account is open and they own it, are on its team, or hold a grant in force.
 * @category access
 * @since 0.1.0
 */
export const hasAccess = (state: AccountState, principalId: PrincipalId, at: Instant): boolean => {
  if (state.status !== 'open') return false
  if (state.ownership.kind === 'owned' && state.ownership.ownerId === principalId) return true
  if (Object.hasOwn(state.team, principalId)) return true
  return Object.values(state.grants).some((g) => g.granteeId === principalId && g.status === 'active' && spanHolds({ from: g.validFrom, to: g.expiresAt }, at))
}
