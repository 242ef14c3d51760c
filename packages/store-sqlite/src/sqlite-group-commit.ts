/**
 * Group commit (Sammel-Commit): appends that arrive together — concurrent commands of one process,
 * each awaiting its own answer — are written in one transaction and made durable by one sync,
 * instead of one sync each. The disk's sync rate then caps the number of groups per second, not
 * the number of appends.
 *
 * Gathering waits on no timer. Concurrent commands of one process reach their appends within one
 * run of microtasks, so a group first gathers there, at no cost; then it waits for appends from
 * other callbacks on the event loop's check phase (`setImmediate`), while more keep arriving, for
 * at most `maxWaitMicros` since its first append or until it holds `maxAppends`. A writer that
 * has been alone for a while commits at once, and waits a turn only now and then, to notice
 * when it has company again.
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
   * The longest a group keeps gathering over turns of the event loop after its first append
   * while more arrive, in microseconds; 200 by default. 0 gathers only the appends of one run of
   * microtasks. A lone append waits at most one turn of the loop.
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
  // Every commit starts a new round; a check left over from an earlier one has nothing to do.
  let round = 0
  let gathering = false
  let firstAt = 0
  let seen = 0
  // Groups of one in a row: a writer alone for a while stops waiting for company.
  let alone = 0

  const commitNow = (): void => {
    round++
    gathering = false
    const group = waiting.slice(0, settings.maxAppends)
    waiting = waiting.slice(group.length)
    if (waiting.length > 0) gather()
    if (group.length === 0) return
    alone = group.length === 1 ? alone + 1 : 0
    let results: ReadonlyArray<R>
    try {
      results = commit(group.map((w) => w.member))
    } catch (e) {
      for (const w of group) w.reject(e)
      return
    }
    group.forEach((w, i) => w.resolve(results[i]!))
  }

  // Over turns of the loop: while appends keep arriving, within the bounds.
  const onTurn = (r: number) => (): void => {
    if (r !== round) return
    const more = waiting.length > seen
    seen = waiting.length
    if (more && waiting.length < settings.maxAppends && (performance.now() - firstAt) * 1000 < settings.maxWaitMicros) setImmediate(onTurn(r))
    else commitNow()
  }

  // Concurrent callers of one process reach their appends within one run of microtasks, each a
  // few hops apart: gather while each hop brings more. Then wait for appends coming from other
  // callbacks (requests) over turns of the loop — unless the writer has been alone for a while:
  // then only every `lonelyAfter`th lone append waits a turn, to notice company coming back.
  const onMicrotask = (r: number) => (): void => {
    if (r !== round) return
    if (waiting.length >= settings.maxAppends) return commitNow()
    if (waiting.length > seen) {
      seen = waiting.length
      queueMicrotask(onMicrotask(r))
      return
    }
    const lonely = waiting.length === 1 && alone >= lonelyAfter && alone % lonelyAfter !== 0
    if (settings.maxWaitMicros === 0 || lonely) return commitNow()
    seen = waiting.length
    setImmediate(onTurn(r))
  }

  const gather = (): void => {
    gathering = true
    firstAt = performance.now()
    seen = waiting.length
    queueMicrotask(onMicrotask(round))
  }

  return {
    enqueue: (member) =>
      new Promise<R>((resolve, reject) => {
        waiting.push({ member, resolve, reject })
        if (!gathering) gather()
      }),
    flush: () => {
      while (waiting.length > 0) commitNow()
    },
  }
}

const lonelyAfter = 16
