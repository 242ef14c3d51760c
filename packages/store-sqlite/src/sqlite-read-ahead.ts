/**
 * Read-ahead (Vorauslesen) on a second core: a long read of the log in pages — a rebuild's — has
 * a worker thread read and check the next pages while the reader folds the ones it has. Reading
 * rows out of SQLite and checking them is about half of what a rebuild of the current owners and
 * their history costs on one thread; the reader is left with one `JSON.parse` per page and its
 * own work.
 *
 * It pays only where the reader has work of its own: the worker does everything a read on one
 * thread does and writes the page's text besides, and the reader parses that text again. A reader
 * that does next to nothing per event (counting, a replay's light fold) waits for the worker and
 * is 10–20 % slower than on one thread; so `readAll`, the event-by-event read, never reads ahead.
 *
 * The worker is an optimisation, never a second source of truth: it reads the same file with its
 * own read-only connection, page by page as the reader would, and the reader decodes anything the
 * worker cannot vouch for itself. Where the worker cannot start (a bundler left its file behind,
 * a file only this connection can open) or stops before the end, the reader reads on by itself
 * from the position after the last page it took, and a failure that is real meets it there.
 *
 * @module
 */
import { domainEventCodecs, type EventSchema, type RecordedEvent } from '@account-ownership/core'
import type Database from 'better-sqlite3'
import { channel } from 'node:diagnostics_channel'
import { resolve } from 'node:path'
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads'
import { eventsOfPage, type SchemaVersions } from './sqlite-read-ahead-page.js'
import { boundsOver } from './sqlite-open-options.js'
import type { TypeFilter } from './sqlite-statements.js'

/**
 * When a read of the log reads ahead on a worker thread.
 * @category store
 * @since 0.4.0
 * @example
 * openSqliteEventStore({ path: 'kunden.db', readAhead: { minEvents: 10_000 } })
 * openSqliteEventStore({ path: 'kunden.db', readAhead: false }) // every read on the calling thread
 */
export interface ReadAheadOptions {
  /**
   * The fewest positions a read must span (from its start to the log's head or its end) to read
   * ahead; 100,000 by default. Starting the worker costs about as much as reading twenty thousand
   * events on one thread.
   */
  readonly minEvents?: number
  /** How many events the worker reads ahead of the reader at most; 2,000 by default. */
  readonly events?: number
}

/**
 * The settings a read-ahead runs with when none are given.
 * @category store
 * @since 0.4.0
 */
export const defaultReadAhead: Required<ReadAheadOptions> = { minEvents: 100_000, events: 2_000 }

/**
 * What a worker reads: the file, the positions, the page size, the types it leaves out, the
 * reader's schema versions and how many pages it may be ahead.
 * @category store
 * @since 0.4.0
 */
export interface ReadAheadJob {
  readonly path: string
  readonly from: bigint
  readonly to: bigint
  readonly size: number
  readonly skipped: TypeFilter | undefined
  readonly versions: SchemaVersions
  readonly depth: number
}

/**
 * What a worker posts: a page's text, the end of the read, or why it stopped.
 * @category store
 * @since 0.4.0
 */
export type ReadAheadMessage = { readonly page: string } | { readonly end: true } | { readonly failure: string }

/**
 * The line a worker posts its pages on: a port of its own, and a count of the messages posted,
 * which the reader waits on.
 * @category store
 * @since 0.4.0
 */
export interface ReadAheadLine {
  readonly port: MessagePort
  readonly posted: SharedArrayBuffer
}

type Arrival = ReadAheadMessage | { readonly stopped: string }

/**
 * What a read-ahead tells `node:diagnostics_channel` subscribers of `readAheadChannel`: that a
 * worker started on a range (with the `Worker`, for its resource use), and, where it stopped
 * before the end, from which position the reader read on by itself and why. Nothing is
 * published while nobody subscribes.
 * @category store
 * @since 0.4.0
 */
export type ReadAheadNotice =
  | { readonly readAhead: 'started'; readonly from: bigint; readonly to: bigint; readonly worker: Worker }
  | { readonly readAhead: 'read-on-this-thread'; readonly from: bigint; readonly why: string }

/**
 * The name of the diagnostics channel read-aheads publish their `ReadAheadNotice`s on.
 * @category store
 * @since 0.4.0
 * @example
 * import { subscribe } from 'node:diagnostics_channel'
 * subscribe(readAheadChannel, (notice) => console.log(notice))
 */
export const readAheadChannel = 'account-ownership:store-sqlite:read-ahead'
const notices = channel(readAheadChannel)
const notify = (notice: ReadAheadNotice) => {
  if (notices.hasSubscribers) notices.publish(notice)
}

// Built as JavaScript by tsc; run from the TypeScript sources (the tests, the benchmarks), the
// worker needs tsx to load them, as the thread that started it did.
const workerFile = new URL(import.meta.url.endsWith('.ts') ? './sqlite-read-ahead-worker.ts' : './sqlite-read-ahead-worker.js', import.meta.url)
const execArgv = import.meta.url.endsWith('.ts') ? ['--import', 'tsx'] : undefined

/**
 * Pages of the log from `job.from` to `job.to` read ahead by a worker, each decoded with
 * `schema`; where the worker stops before the end, `onThisThread(position)` reads on from there.
 * Every worker is in `running` while it runs, so that closing the store can stop it. A page with
 * a corrupt row fails whole, as a page read on one thread does.
 * @category store
 * @since 0.4.0
 */
export async function* readAhead(
  job: ReadAheadJob,
  schema: EventSchema,
  onThisThread: (from: bigint) => AsyncGenerator<ReadonlyArray<RecordedEvent>>,
  running: Set<Worker>,
): AsyncGenerator<ReadonlyArray<RecordedEvent>> {
  // The pages wait in their port's queue until the reader takes one, and nothing listens for
  // them: a listener would keep the process alive for a read its reader abandoned without
  // ending it. While the reader waits for a page, the worker keeps the process alive; otherwise
  // it does not.
  const { port1: pages, port2 } = new MessageChannel()
  const posted = new Int32Array(new SharedArrayBuffer(4))
  const line: ReadAheadLine = { port: port2, posted: posted.buffer as SharedArrayBuffer }
  // Its young generation stays small: the worker holds one page at a time.
  const worker = new Worker(workerFile, { workerData: { ...job, ...line }, transferList: [port2], ...(execArgv === undefined ? {} : { execArgv }), resourceLimits: { maxYoungGenerationSizeMb: 8 } })
  worker.unref()
  running.add(worker)
  notify({ readAhead: 'started', from: job.from, to: job.to, worker })
  let stopped: string | undefined
  let wake: (() => void) | undefined
  const stop = (why: string) => {
    stopped ??= why
    wake?.()
  }
  worker.on('error', (e) => stop(String(e)))
  worker.on('exit', (code) => stop(`the worker exited with code ${code}`))
  // The count is read before the queue: a page posted after that look has moved it, and the wait
  // ends at once. What the worker posted before it stopped is taken first.
  const arrival = async (): Promise<Arrival> => {
    for (;;) {
      const seen = Atomics.load(posted, 0)
      const received = receiveMessageOnPort(pages)
      if (received !== undefined) return received.message as ReadAheadMessage
      if (stopped !== undefined) return { stopped }
      const waiting = Atomics.waitAsync(posted, 0, seen)
      if (!waiting.async) continue
      worker.ref()
      try {
        await Promise.race([waiting.value, new Promise<void>((resolve) => (wake = resolve))])
      } finally {
        worker.unref()
      }
    }
  }
  let next = job.from
  try {
    for (;;) {
      const taken = await arrival()
      if ('end' in taken) return
      if (!('page' in taken)) {
        notify({ readAhead: 'read-on-this-thread', from: next, why: 'failure' in taken ? taken.failure : taken.stopped })
        yield* onThisThread(next)
        return
      }
      worker.postMessage(1)
      const { events, corrupt } = eventsOfPage(taken.page, schema)
      if (corrupt !== undefined) throw corrupt
      next = events[events.length - 1]!.metadata.globalPosition + 1n
      yield events
    }
  } finally {
    running.delete(worker)
    pages.close()
    // A wait still pending ends now.
    Atomics.notify(posted, 0)
    await worker.terminate()
  }
}

/**
 * The read-aheads of one store: whether a read qualifies, and the workers still running.
 * @category store
 * @since 0.4.0
 */
export interface SqliteReadAhead {
  /**
   * The pages from `from` to `to` read ahead, where the read spans enough of the log; else
   * `undefined`, and the caller reads on one thread.
   */
  readonly pages: (
    from: bigint,
    to: bigint,
    size: number,
    skipped: TypeFilter | undefined,
    onThisThread: (from: bigint) => AsyncGenerator<ReadonlyArray<RecordedEvent>>,
  ) => AsyncGenerator<ReadonlyArray<RecordedEvent>> | undefined
  /** End every worker still running (the store closes). */
  readonly end: () => Promise<void>
}

/**
 * The read-aheads of a store on `db`, decoding with `schema`; `logHead` answers the log's last
 * position, so that a read is measured by what it will find.
 * @category store
 * @since 0.4.0
 */
export const sqliteReadAhead = (db: Database.Database, schema: EventSchema, settings: ReadAheadOptions | false, logHead: () => bigint): SqliteReadAhead => {
  // A worker opens the file anew: only a file has a name to open, and the name counts from the
  // directory the process was in when the store opened.
  const path = db.memory ? undefined : resolve(db.name)
  const versions: SchemaVersions = Object.fromEntries(domainEventCodecs.map((codec) => [codec.name, schema.currentVersion(codec.name)]))
  const { minEvents, events } = boundsOver(defaultReadAhead, settings === false ? {} : settings)
  const running = new Set<Worker>()
  return {
    pages(from, to, size, skipped, onThisThread) {
      // A read bounded short of minEvents needs no look at the head.
      if (settings === false || path === undefined || to - from + 1n < BigInt(minEvents)) return undefined
      let head: bigint
      try {
        head = logHead()
      } catch {
        // The read on one thread meets the failure and reports it.
        return undefined
      }
      if ((to < head ? to : head) - from + 1n < BigInt(minEvents)) return undefined
      return readAhead({ path, from, to, size, skipped, versions, depth: Math.max(2, Math.ceil(events / size)) }, schema, onThisThread, running)
    },
    end: async () => {
      await Promise.all([...running].map((worker) => worker.terminate()))
    },
  }
}
