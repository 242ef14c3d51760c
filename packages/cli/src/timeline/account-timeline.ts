/**
 * The timeline of one account (Verlauf eines Kundenkontos) as an auditor draws it: who owned it
 * when, who sat on its team, who held which grant from when to when, and the moments that mark
 * it — opened, orphaned, archived, restored, and the offboarding of anyone who appears in it.
 * Folded from the events alone, in business time (`occurredAt`).
 *
 * @module
 */
import type { DomainEvent, Instant, RecordedEvent } from '@account-ownership/core'

/**
 * A period drawn as a bar: an owner's, a team member's or a grant's, `[from, to)`; `to` is
 * `null` while it lasts.
 * @category timeline
 * @since 0.2.0
 */
export interface TimelineBar {
  readonly lane: 'owner' | 'team' | 'grant'
  readonly principalId: string
  /** The grant's id, the team role, or the reason the owner came in. */
  readonly detail: string
  readonly from: Instant
  readonly to: Instant | null
}

/**
 * A moment drawn as a mark.
 * @category timeline
 * @since 0.2.0
 */
export interface TimelineMark {
  readonly kind: 'opened' | 'orphaned' | 'archived' | 'restored' | 'offboarded'
  readonly at: Instant
  /** Who or why: the offboarded principal, the archive reason. */
  readonly label: string
}

/**
 * An account's whole timeline.
 * @category timeline
 * @since 0.2.0
 */
export interface AccountTimeline {
  readonly accountId: string
  readonly displayName: string
  readonly bars: ReadonlyArray<TimelineBar>
  readonly marks: ReadonlyArray<TimelineMark>
  /** The last instant the log knows of for this account (its last event, or a later offboarding). */
  readonly lastAt: Instant | null
}

const earlier = (a: Instant | null, b: Instant): Instant => (a !== null && a < b ? a : b)

/**
 * Fold an account's events (in stream order) and the offboardings of principals into its
 * timeline; offboardings of principals who never appear in the account are left out.
 * @category timeline
 * @since 0.2.0
 * @example
 * const timeline = accountTimeline(eventsOfTheAccount, offboardingEvents)
 */
export const accountTimeline = (events: ReadonlyArray<RecordedEvent<DomainEvent>>, offboardings: ReadonlyArray<RecordedEvent<DomainEvent>>): AccountTimeline => {
  const bars: TimelineBar[] = []
  const marks: TimelineMark[] = []
  const open = new Map<string, number>() // `${lane}:${key}` → index in bars
  let accountId = ''
  let displayName = ''
  let lastAt: Instant | null = null
  const begin = (key: string, bar: TimelineBar) => {
    open.set(key, bars.length)
    bars.push(bar)
  }
  const end = (key: string, at: Instant) => {
    const i = open.get(key)
    if (i === undefined) return
    const bar = bars[i]!
    bars[i] = { ...bar, to: bar.lane === 'grant' ? earlier(bar.to, at) : at }
    open.delete(key)
  }
  const endOwner = (at: Instant) => end('owner', at)
  const endTeam = (at: Instant) => [...open.keys()].filter((k) => k.startsWith('team:')).forEach((k) => end(k, at))
  for (const event of events) {
    const at = event.metadata.occurredAt
    lastAt = at
    const e = event
    switch (e.type) {
      case 'AccountOpened':
        accountId = e.data.accountId
        displayName = e.data.displayName
        marks.push({ kind: 'opened', at, label: 'opened' })
        break
      case 'OwnershipAssigned':
        endOwner(at)
        begin('owner', { lane: 'owner', principalId: e.data.ownerId, detail: 'assigned', from: at, to: null })
        break
      case 'OwnershipTransferred':
        endOwner(at)
        if (!e.data.keepsTeam) endTeam(at)
        begin('owner', { lane: 'owner', principalId: e.data.toOwnerId, detail: e.data.reasonCode, from: at, to: null })
        break
      case 'AccountOrphaned':
        endOwner(at)
        marks.push({ kind: 'orphaned', at, label: `orphaned (${e.data.reason})` })
        break
      case 'TeamMemberAdded':
        begin(`team:${e.data.principalId}`, { lane: 'team', principalId: e.data.principalId, detail: e.data.role, from: at, to: null })
        break
      case 'TeamMemberRemoved':
        end(`team:${e.data.principalId}`, at)
        break
      case 'AccessGranted':
        begin(`grant:${e.data.grantId}`, { lane: 'grant', principalId: e.data.granteeId, detail: e.data.grantId, from: e.data.validFrom, to: e.data.expiresAt })
        break
      case 'AccessRevoked':
        end(`grant:${e.data.grantId}`, at)
        break
      case 'AccessExpired':
        end(`grant:${e.data.grantId}`, e.data.expiredAt)
        break
      case 'AccountArchived':
        marks.push({ kind: 'archived', at, label: `archived (${e.data.reason})` })
        break
      case 'AccountRestored':
        marks.push({ kind: 'restored', at, label: 'restored' })
        break
      default:
        break
    }
  }
  const involved = new Set(bars.map((b) => b.principalId))
  for (const event of offboardings) {
    const e = event
    if (e.type !== 'PrincipalOffboarded' || !involved.has(e.data.principalId)) continue
    const at = event.metadata.occurredAt
    marks.push({ kind: 'offboarded', at, label: `offboarded: ${e.data.principalId}` })
    if (lastAt === null || at > lastAt) lastAt = at
  }
  marks.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
  return { accountId, displayName, bars, marks, lastAt }
}
