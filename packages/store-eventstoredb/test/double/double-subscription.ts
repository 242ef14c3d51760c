/**
 * Catch-up subscriptions to `$all` as an EventStoreDB 24.x node serves them
 * (`Enumerator.AllSubscriptionFiltered` over `AllReader.FilteredReadAllEventsForward`), for the
 * filtered reads of the store:
 *
 * - The answer opens with a confirmation. Events are sent only after the position the client
 *   named (from the start of the log: all of them).
 * - Catching up reads pages from that position: a page ends at 32 events that pass the filter, at
 *   `maxSearchWindow` events considered (32 when the client sets none), or at the end of the log.
 *   Every event considered counts towards the checkpoint interval (`checkpointIntervalMultiplier
 *   × maxSearchWindow`); when the count reaches it, a checkpoint is sent at the later of the last
 *   event sent and the start of the page just read. The next page starts at the page's next
 *   position: the post-position of its last record, with prepare position 0.
 * - At the end of the log one more checkpoint (chosen the same way) and then `caughtUp`. From then
 *   on, events written to the log are sent live as they arrive, with a checkpoint at every
 *   `interval`-th left-out event.
 * - A checkpoint no later than the last one sent is not sent again.
 * - The filter (`EventFilter`): on `$all` the events of `$epoch-information` and of persistent
 *   subscriptions' checkpoint and parked streams never pass; prefixes match the start of the event
 *   type or stream name; a regular expression passes a field it matches anywhere (JavaScript's
 *   `RegExp` standing in for .NET's, which agree on the expressions the store sends). Without a
 *   filter every event passes and no checkpoints are sent.
 * - It writes no faster than the client reads (the call's flow control), and stops when the client
 *   cancels.
 *
 * @module
 */
import * as grpc from '@grpc/grpc-js'
import streamsPb from '@eventstore/db-client/generated/streams_pb.js'
import type { DoubleLog, DoubleRecord } from './double-log.js'

type ReadReq = InstanceType<typeof streamsPb.ReadReq>
type ReadResp = InstanceType<typeof streamsPb.ReadResp>
type FilterOptions = InstanceType<typeof streamsPb.ReadReq.Options.FilterOptions>

/** A filter as it crossed the wire. */
export interface DoubleFilter {
  readonly on: 'event-type' | 'stream-name'
  readonly regex: string
  readonly prefixes: ReadonlyArray<string>
  readonly maxSearchWindow: number | undefined
  readonly checkpointIntervalMultiplier: number
}

/** A position in the log as the server compares them: commit first, then prepare. */
interface TfPos {
  readonly commit: bigint
  readonly prepare: bigint
}
const headOfTf: TfPos = { commit: -1n, prepare: -1n }
const compare = (a: TfPos, b: TfPos): number => (a.commit !== b.commit ? (a.commit < b.commit ? -1 : 1) : a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1)
const later = (a: TfPos, b: TfPos): TfPos => (compare(a, b) >= 0 ? a : b)
const at = (r: DoubleRecord): TfPos => ({ commit: r.offset, prepare: r.offset })

/** The batch of events a page of a subscription holds at most (`ReadBatchSize`). */
const readBatchSize = 32

export const filterOfRequest = (options: FilterOptions): DoubleFilter => {
  const expression = options.hasEventType() ? options.getEventType()! : options.getStreamIdentifier()!
  return {
    on: options.hasEventType() ? 'event-type' : 'stream-name',
    regex: expression.getRegex(),
    prefixes: expression.getPrefixList(),
    maxSearchWindow: options.hasMax() ? options.getMax() : undefined,
    checkpointIntervalMultiplier: options.getCheckpointintervalmultiplier(),
  }
}

const systemLeftOut = (streamId: string): boolean =>
  streamId === '$epoch-information' || (streamId.startsWith('$persistentsubscription-$all::') && (streamId.endsWith('-checkpoint') || streamId.endsWith('-parked')))

/** Whether `record` passes `filter`, as the server's `EventFilter` on `$all` decides. */
export const passes = (filter: DoubleFilter | undefined, record: DoubleRecord): boolean => {
  if (filter === undefined) return true
  if (systemLeftOut(record.streamId)) return false
  const field = filter.on === 'event-type' ? record.type : record.streamId
  return filter.regex !== '' ? new RegExp(filter.regex).test(field) : filter.prefixes.some((p) => field.startsWith(p))
}

export interface SubscriptionTraffic {
  /** What each subscription asked for. */
  readonly subscriptions: Array<{ readonly filter: DoubleFilter | undefined }>
  /** Events and checkpoints written to the wire by subscriptions. */
  readonly sent: { events: number; checkpoints: number }
}

const checkpointOf = (p: TfPos): ReadResp =>
  new streamsPb.ReadResp().setCheckpoint(new streamsPb.ReadResp.Checkpoint().setCommitPosition(p.commit.toString()).setPreparePosition(p.prepare.toString()))

/** The handler of a subscription request, on `log`, counting into `traffic`. */
export const subscribeOn =
  (log: DoubleLog, traffic: SubscriptionTraffic, eventResp: (r: DoubleRecord) => ReadResp) =>
  (call: grpc.ServerWritableStream<ReadReq, ReadResp>): void => {
    const options = call.request.getOptions()!
    const filter = options.hasFilter() ? filterOfRequest(options.getFilter()!) : undefined
    traffic.subscriptions.push({ filter })
    const window = filter?.maxSearchWindow ?? readBatchSize
    const interval = (filter?.checkpointIntervalMultiplier ?? 1) * window
    let cancelled = false
    const gone = new Promise<void>((resolve) =>
      call.on('cancelled', () => {
        cancelled = true
        resolve()
      }),
    )
    const send = async (resp: ReadResp) => {
      if (cancelled) return
      if (!call.write(resp)) await Promise.race([new Promise((resolve) => call.once('drain', resolve)), gone])
    }
    let lastCheckpoint: TfPos | undefined
    const sendCheckpoint = async (p: TfPos) => {
      if (filter === undefined || compare(p, headOfTf) === 0 || (lastCheckpoint !== undefined && compare(p, lastCheckpoint) <= 0)) return
      lastCheckpoint = p
      traffic.sent.checkpoints++
      await send(checkpointOf(p))
    }
    const sendEvent = async (r: DoubleRecord) => {
      traffic.sent.events++
      await send(eventResp(r))
    }

    const all = options.getAll()!
    const from: TfPos | 'end' = all.hasPosition()
      ? { commit: BigInt(all.getPosition()!.getCommitPosition()), prepare: BigInt(all.getPosition()!.getPreparePosition()) }
      : all.hasEnd()
        ? 'end'
        : headOfTf

    const catchUp = async (): Promise<TfPos> => {
      let checkpoint = from === 'end' ? { commit: log.endOffset, prepare: log.endOffset } : from
      let counter = 0
      let pageStart: TfPos = compare(checkpoint, { commit: 0n, prepare: 0n }) < 0 ? { commit: 0n, prepare: 0n } : checkpoint
      if (!log.isReadStart(pageStart.commit)) throw Object.assign(new Error('Trying to read from an invalid position.'), { code: grpc.status.UNKNOWN })
      for (;;) {
        // One FilteredReadAllEventsForward: considered records from pageStart on.
        let index = log.indexFrom(pageStart.commit)
        const events: DoubleRecord[] = []
        let considered = 0
        let next = pageStart
        let end = false
        for (;;) {
          if (events.length >= readBatchSize || considered >= window) break
          const record = log.records[index]
          if (record === undefined) {
            end = true
            break
          }
          index++
          if (compare(at(record), pageStart) < 0) continue
          considered++
          if (passes(filter, record)) events.push(record)
          next = { commit: record.next, prepare: 0n }
        }
        for (const record of events) {
          if (compare(at(record), checkpoint) <= 0) continue
          await sendEvent(record)
          checkpoint = at(record)
          if (cancelled) return checkpoint
        }
        counter += considered
        if (end) {
          checkpoint = later(checkpoint, pageStart)
          await sendCheckpoint(checkpoint)
          return checkpoint
        }
        if (counter >= interval) {
          counter %= interval
          checkpoint = later(checkpoint, pageStart)
          await sendCheckpoint(checkpoint)
        }
        if (cancelled) return checkpoint
        pageStart = next
      }
    }

    // Like the server, listen for new records before catching up, and send live only those after
    // the checkpoint catching up ended at: nothing written in between is lost.
    const arrived: DoubleRecord[] = []
    let live: ((record: DoubleRecord) => void) | undefined
    const tell = (record: DoubleRecord) => (live === undefined ? arrived.push(record) : live(record))
    log.written.add(tell)
    void gone.then(() => log.written.delete(tell))
    const goLive = (checkpoint: TfPos) => {
      let counter = 0
      let queue = Promise.resolve()
      live = (record) => {
        if (compare(at(record), checkpoint) <= 0) return
        queue = queue.then(async () => {
          if (passes(filter, record)) return sendEvent(record)
          if (++counter < interval) return
          counter = 0
          await sendCheckpoint(at(record))
        })
      }
      for (const record of arrived.splice(0)) live(record)
    }

    void (async () => {
      await send(new streamsPb.ReadResp().setConfirmation(new streamsPb.ReadResp.SubscriptionConfirmation().setSubscriptionId(`double-${traffic.subscriptions.length}`)))
      const checkpoint = await catchUp()
      if (cancelled) return
      await send(new streamsPb.ReadResp().setCaughtUp(new streamsPb.ReadResp.CaughtUp()))
      goLive(checkpoint)
    })().catch((e: { code?: number; message: string }) => {
      log.written.delete(tell)
      if (!cancelled) call.emit('error', { code: e.code ?? grpc.status.UNKNOWN, details: e.message })
    })
  }
