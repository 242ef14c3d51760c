/**
 * A small EventStoreDB node for the tests: a gRPC server, built with `@grpc/grpc-js` from the
 * service and message definitions that `@eventstore/db-client` itself ships, answering the part of
 * the protocol the store uses: `Streams.Read` of one stream and of `$all`, forwards and backwards,
 * and appends with an expected revision — by `Streams.BatchAppend`, which the client prefers when
 * `ServerFeatures` names it (as 21.10 and newer do), or, for a double started with
 * `{ batchAppend: false }`, by the older `Streams.Append` after `ServerFeatures` answered
 * UNIMPLEMENTED; and catch-up subscriptions to `$all`, with the server's filters and checkpoints
 * (`double-subscription.ts`). Everything else (Gossip, subscriptions to one stream, deletes)
 * answers UNIMPLEMENTED. The real
 * client talks real gRPC to it over an insecure connection (`esdb://127.0.0.1:<port>?tls=false`).
 *
 * Not modelled: the server's own idempotency by event id (the store decides repeats itself),
 * clustering, authentication, filters on reads that are not subscriptions (the client sends none).
 *
 * @module
 */
import * as grpc from '@grpc/grpc-js'
import sharedPb from '@eventstore/db-client/generated/shared_pb.js'
import serverFeaturesGrpc from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js'
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js'
import streamsPb from '@eventstore/db-client/generated/streams_pb.js'
import { batchAppendOn, getSupportedMethods } from './double-batch-append.js'
import { DoubleLog, type DoubleRecord, type Expected, type Proposed } from './double-log.js'
import { subscribeOn, type SubscriptionTraffic } from './double-subscription.js'

type AppendReq = InstanceType<typeof streamsPb.AppendReq>
type ReadReq = InstanceType<typeof streamsPb.ReadReq>

const bytes = (u: Uint8Array | string): Buffer => (typeof u === 'string' ? Buffer.from(u, 'base64') : Buffer.from(u))

const recordedEvent = (r: DoubleRecord) => {
  const event = new streamsPb.ReadResp.ReadEvent.RecordedEvent()
  event.setId(new sharedPb.UUID().setString(r.id))
  event.setStreamIdentifier(new sharedPb.StreamIdentifier().setStreamName(Buffer.from(r.streamId, 'utf8')))
  event.setStreamRevision(r.revision.toString())
  event.setCommitPosition(r.offset.toString())
  event.setPreparePosition(r.offset.toString())
  event.getMetadataMap().set('type', r.type).set('content-type', r.contentType).set('created', r.created.toString())
  event.setCustomMetadata(r.customMetadata)
  event.setData(r.data)
  const read = new streamsPb.ReadResp.ReadEvent().setEvent(event).setCommitPosition(r.offset.toString())
  return new streamsPb.ReadResp().setEvent(read)
}

const expectedOf = (options: InstanceType<typeof streamsPb.AppendReq.Options>): Expected =>
  options.hasRevision()
    ? { kind: 'revision', revision: BigInt(options.getRevision()) }
    : options.hasNoStream()
      ? { kind: 'no-stream' }
      : options.hasStreamExists()
        ? { kind: 'exists' }
        : { kind: 'any' }

export interface EsdbDouble {
  readonly connectionString: string
  readonly log: DoubleLog
  /**
   * What crossed the wire on reads: the events every read wrote (pages of streams and of `$all`,
   * and subscriptions), the filter of each subscription, the checkpoints it sent.
   */
  readonly traffic: SubscriptionTraffic & { readonly read: { events: number } }
  /** How many appends arrived by each protocol. */
  readonly appendsBy: { append: number; batchAppend: number }
  /** While `true`, reads are accepted and never answered, as by a node that hangs. */
  silent: boolean
  /** Awaited before each append is applied (and unset while it runs): a test writes a competing event here. */
  beforeAppend: ((streamId: string) => Promise<void>) | undefined
  /** Write events of a stream directly, as another application (or the server itself) would. */
  write(streamId: string, count: number, type?: string): void
  stop(): Promise<void>
}

export const startEsdbDouble = async (options: { readonly batchAppend?: boolean } = {}): Promise<EsdbDouble> => {
  const log = new DoubleLog()
  const server = new grpc.Server()
  const double: EsdbDouble = {
    connectionString: '',
    log,
    appendsBy: { append: 0, batchAppend: 0 },
    traffic: { subscriptions: [], sent: { events: 0, checkpoints: 0 }, read: { events: 0 } },
    silent: false,
    beforeAppend: undefined,
    write(streamId, count, type = 'OrderPlaced') {
      const events: Proposed[] = Array.from({ length: count }, (_, i) => ({
        id: `00000000-0000-4000-8000-${String(log.records.length + i).padStart(12, '0')}`,
        type,
        contentType: 'application/json',
        data: Buffer.from(JSON.stringify({ order: i })),
        customMetadata: Buffer.alloc(0),
      }))
      log.append(streamId, { kind: 'any' }, events)
    },
    stop: async () => server.forceShutdown(),
  }

  const runBeforeAppend = async (streamId: string) => {
    const before = double.beforeAppend
    double.beforeAppend = undefined
    await before?.(streamId)
  }

  const append: grpc.handleClientStreamingCall<AppendReq, InstanceType<typeof streamsPb.AppendResp>> = (call, callback) => {
    let options: InstanceType<typeof streamsPb.AppendReq.Options> | undefined
    const events: Proposed[] = []
    call.on('data', (req: AppendReq) => {
      if (req.hasOptions()) options = req.getOptions()
      const message = req.getProposedMessage()
      if (message === undefined) return
      const metadata = message.getMetadataMap()
      events.push({
        id: message.getId()?.getString() ?? '',
        type: metadata.get('type') ?? '',
        contentType: metadata.get('content-type') ?? 'application/octet-stream',
        data: bytes(message.getData()),
        customMetadata: bytes(message.getCustomMetadata()),
      })
    })
    call.on('end', async () => {
      if (options === undefined) return callback({ code: grpc.status.INVALID_ARGUMENT, details: 'no options' })
      const streamId = Buffer.from(options.getStreamIdentifier()!.getStreamName() as Uint8Array).toString('utf8')
      double.appendsBy.append++
      await runBeforeAppend(streamId)
      const outcome = log.append(streamId, expectedOf(options), events)
      const resp = new streamsPb.AppendResp()
      if (!outcome.ok) {
        const wrong = new streamsPb.AppendResp.WrongExpectedVersion()
        if (outcome.current === undefined) wrong.setCurrentNoStream(new sharedPb.Empty())
        else wrong.setCurrentRevision(outcome.current.toString())
        if (options.hasRevision()) wrong.setExpectedRevision(options.getRevision())
        else if (options.hasNoStream()) wrong.setExpectedNoStream(new sharedPb.Empty())
        else if (options.hasStreamExists()) wrong.setExpectedStreamExists(new sharedPb.Empty())
        else wrong.setExpectedAny(new sharedPb.Empty())
        return callback(null, resp.setWrongExpectedVersion(wrong))
      }
      const position = new streamsPb.AppendResp.Position().setCommitPosition(outcome.offset.toString()).setPreparePosition(outcome.offset.toString())
      callback(null, resp.setSuccess(new streamsPb.AppendResp.Success().setCurrentRevision(outcome.revision.toString()).setPosition(position)))
    })
  }

  const subscribe = subscribeOn(log, double.traffic, recordedEvent)
  const sent = (r: DoubleRecord) => {
    double.traffic.read.events++
    return recordedEvent(r)
  }
  const read: grpc.handleServerStreamingCall<ReadReq, InstanceType<typeof streamsPb.ReadResp>> = (call) => {
    if (double.silent) return
    const options = call.request.getOptions()!
    if (options.hasSubscription()) return subscribe(call)
    const backwards = options.getReadDirection() === 1
    const count = Number(BigInt(options.getCount()))
    if (options.hasStream()) {
      const stream = options.getStream()!
      const streamId = Buffer.from(stream.getStreamIdentifier()!.getStreamName() as Uint8Array).toString('utf8')
      const from = stream.hasRevision() ? BigInt(stream.getRevision()) : stream.hasEnd() ? 'end' : 'start'
      const records = log.readStream(streamId, from, backwards, count)
      if (records === undefined) {
        call.write(new streamsPb.ReadResp().setStreamNotFound(new streamsPb.ReadResp.StreamNotFound().setStreamIdentifier(stream.getStreamIdentifier())))
      } else {
        for (const r of records) call.write(sent(r))
      }
      return call.end()
    }
    const all = options.getAll()!
    const from = all.hasPosition() ? BigInt(all.getPosition()!.getCommitPosition()) : all.hasEnd() ? 'end' : 'start'
    const records = log.readAll(from, backwards, count)
    // The server answers a read from the middle of a record this way (KurrentDB #3991).
    if (records === undefined) return call.emit('error', { code: grpc.status.UNKNOWN, details: 'Trying to read from an invalid position.' })
    for (const r of records) call.write(sent(r))
    call.end()
  }

  const batched = options.batchAppend ?? true
  const handlers = batched ? { append, read, batchAppend: batchAppendOn(log, async (streamId) => {
    double.appendsBy.batchAppend++
    await runBeforeAppend(streamId)
  }) } : { append, read }
  server.addService(streamsGrpc.StreamsService as unknown as grpc.ServiceDefinition, handlers as unknown as grpc.UntypedServiceImplementation)
  if (batched) server.addService(serverFeaturesGrpc.ServerFeaturesService as unknown as grpc.ServiceDefinition, { getSupportedMethods } as unknown as grpc.UntypedServiceImplementation)
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
  )
  return Object.assign(double, { connectionString: `esdb://127.0.0.1:${port}?tls=false` })
}
