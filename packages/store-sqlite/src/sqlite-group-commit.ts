/**
 * Group commit (Sammel-Commit): appends that arrive together — concurrent commands of one process,
 * each awaiting its own answer — are written in one transaction and made durable by one sync,
 * instead of one sync each. The disk's sync rate then caps the number of groups per second, not
 * the number of appends.
 *
 * Gathering waits on the event loop's check phase (`setImmediate`), not on a timer: a lone append
 * is committed after one turn of the loop, and a group keeps gathering only while more appends
 * keep arriving, for at most `maxWaitMicros` since its first one or until it holds `maxAppends`.
 *
 * @module
 */
import { performance } from 'node:perf_hooks'

/**
 * How appends are gathered into one commit.
 * @category store
 * @since 0.3.0
 * @example
 * openSqliteEventStore({ path: 'kunden.db', groupCommit: { maxWaitMicros: 500 } })
 * openSqliteEventStore({ path: 'kunden.db', groupCommit: false }) // one transaction per append
 */
export interface GroupCommitOptions {
  /**
   * The longest a group keeps gathering after its first append while more arrive, in
   * microseconds; 200 by default. A lone append never waits longer than one turn of the event loop.
   */
  readonly maxWaitMicros?: number
  /** The most appends one transaction holds; 256 by default. */
  readonly maxAppends?: number
}

/**
 * The settings a group commit runs with when none are given.
 * @category store
 * @since 0.3.0
 */
export const defaultGroupCommit: Required<GroupCommitOptions> = { maxWaitMicros: 200, maxAppends: 256 }

/**
 * The appends waiting for the next commit.
 * @category store
 * @since 0.3.0
 */
export interface CommitQueue<A, R> {
  /** Add an append to the group now gathering; resolves with its own answer once that group is committed. */
  enqueue(member: A): Promise<R>
  /** Commit whatever is waiting now, without waiting for the loop (before the connection closes). */
  flush(): void
}

interface Waiting<A, R> {
  readonly member: A
  readonly resolve: (r: R) => void
  readonly reject: (e: unknown) => void
}

/**
 * A queue that hands each gathered group to `commit`, which answers one result per member in
 * order. A `commit` that throws is a bug, and every member of its group is rejected with it.
 * @category store
 * @since 0.3.0
 */
export const commitQueue = <A, R>(settings: Required<GroupCommitOptions>, commit: (group: ReadonlyArray<A>) => ReadonlyArray<R>): CommitQueue<A, R> => {
  let waiting: Array<Waiting<A, R>> = []
  let scheduled: NodeJS.Immediate | undefined
  let firstAt = 0
  let seen = 0

  const commitNow = (): void => {
    if (scheduled !== undefined) clearImmediate(scheduled)
    scheduled = undefined
    const group = waiting.slice(0, settings.maxAppends)
    waiting = waiting.slice(group.length)
    if (waiting.length > 0) schedule()
    if (group.length === 0) return
    let results: ReadonlyArray<R>
    try {
      results = commit(group.map((w) => w.member))
    } catch (e) {
      for (const w of group) w.reject(e)
      return
    }
    group.forEach((w, i) => w.resolve(results[i]!))
  }

  // Gather while appends keep arriving between two turns of the loop, within the bounds.
  const check = (): void => {
    scheduled = undefined
    const more = waiting.length > seen
    seen = waiting.length
    if (more && waiting.length < settings.maxAppends && (performance.now() - firstAt) * 1000 < settings.maxWaitMicros) scheduled = setImmediate(check)
    else commitNow()
  }

  const schedule = (): void => {
    firstAt = performance.now()
    seen = waiting.length
    scheduled = setImmediate(check)
  }

  return {
    enqueue: (member) =>
      new Promise<R>((resolve, reject) => {
        waiting.push({ member, resolve, reject })
        if (scheduled === undefined) schedule()
      }),
    flush: () => {
      while (waiting.length > 0) commitNow()
    },
  }
}
