/**
 * What a server of 21.10 or newer adds and the client prefers: `ServerFeatures.GetSupportedMethods`
 * naming `Streams.BatchAppend`, and `BatchAppend` itself — one long-lived duplex call over which
 * each append is a request (or several, for a large one) with a correlation id, answered by a
 * success or by a `google.rpc.Status` whose details pack the `WrongExpectedVersion`.
 *
 * @module
 */
import { createRequire } from 'node:module'
import * as grpc from '@grpc/grpc-js'
import serverFeaturesPb from '@eventstore/db-client/generated/serverfeatures_pb.js'
import sharedPb from '@eventstore/db-client/generated/shared_pb.js'
import statusPb from '@eventstore/db-client/generated/status_pb.js'
import streamsPb from '@eventstore/db-client/generated/streams_pb.js'
import type { DoubleLog, Expected, Proposed } from './double-log.js'

// google-protobuf is the client's dependency, not ours: load it from where the client finds it.
const fromClient = createRequire(createRequire(import.meta.url).resolve('@eventstore/db-client'))
const { Any } = fromClient('google-protobuf/google/protobuf/any_pb.js') as { Any: new () => { pack(bytes: Uint8Array, name: string): void } }
const { Empty } = fromClient('google-protobuf/google/protobuf/empty_pb.js') as { Empty: new () => never }

type BatchAppendReq = InstanceType<typeof streamsPb.BatchAppendReq>
type BatchAppendResp = InstanceType<typeof streamsPb.BatchAppendResp>
type ProposedMessage = InstanceType<typeof streamsPb.BatchAppendReq.ProposedMessage>

/** The answer of `GetSupportedMethods`: `BatchAppend` is there, as on 24.10. */
export const getSupportedMethods: grpc.handleUnaryCall<unknown, InstanceType<typeof serverFeaturesPb.SupportedMethods>> = (_call, callback) => {
  const methods = new serverFeaturesPb.SupportedMethods().setEventStoreServerVersion('24.10.0')
  for (const name of ['Read', 'Append', 'BatchAppend']) methods.addMethods(new serverFeaturesPb.SupportedMethod().setServiceName('event_store.client.streams.Streams').setMethodName(name))
  callback(null, methods)
}

const bytes = (u: Uint8Array | string): Buffer => (typeof u === 'string' ? Buffer.from(u, 'base64') : Buffer.from(u))

const proposed = (message: ProposedMessage): Proposed => {
  const metadata = message.getMetadataMap()
  return {
    id: message.getId()?.getString() ?? '',
    type: metadata.get('type') ?? '',
    contentType: metadata.get('content-type') ?? 'application/octet-stream',
    data: bytes(message.getData()),
    customMetadata: bytes(message.getCustomMetadata()),
  }
}

const expectedOf = (options: InstanceType<typeof streamsPb.BatchAppendReq.Options>): Expected =>
  options.hasStreamPosition()
    ? { kind: 'revision', revision: BigInt(options.getStreamPosition()) }
    : options.hasNoStream()
      ? { kind: 'no-stream' }
      : options.hasStreamExists()
        ? { kind: 'exists' }
        : { kind: 'any' }

/** The `BatchAppend` handler over `log`; `before` is awaited before each append is applied. */
export const batchAppendOn =
  (log: DoubleLog, before: (streamId: string) => Promise<void>): grpc.handleBidiStreamingCall<BatchAppendReq, BatchAppendResp> =>
  (call) => {
    const pending = new Map<string, { options?: InstanceType<typeof streamsPb.BatchAppendReq.Options>; events: Proposed[] }>()
    call.on('data', async (req: BatchAppendReq) => {
      const correlation = req.getCorrelationId()!
      const entry = pending.get(correlation.getString()) ?? { events: [] }
      const options = req.getOptions()
      if (options !== undefined) entry.options = options
      entry.events.push(...req.getProposedMessagesList().map(proposed))
      pending.set(correlation.getString(), entry)
      if (!req.getIsFinal()) return
      pending.delete(correlation.getString())
      const identifier = entry.options!.getStreamIdentifier()!
      const streamId = Buffer.from(identifier.getStreamName() as Uint8Array).toString('utf8')
      await before(streamId)
      const expected = expectedOf(entry.options!)
      const outcome = log.append(streamId, expected, entry.events)
      const resp = new streamsPb.BatchAppendResp().setCorrelationId(correlation).setStreamIdentifier(identifier)
      if (outcome.ok) {
        const position = new sharedPb.AllStreamPosition().setCommitPosition(outcome.offset.toString()).setPreparePosition(outcome.offset.toString())
        return call.write(resp.setSuccess(new streamsPb.BatchAppendResp.Success().setCurrentRevision(outcome.revision.toString()).setPosition(position)))
      }
      const wrong = new sharedPb.WrongExpectedVersion()
      if (outcome.current === undefined) wrong.setCurrentNoStream(new Empty())
      else wrong.setCurrentStreamRevision(outcome.current.toString())
      if (expected.kind === 'revision') wrong.setExpectedStreamPosition(expected.revision.toString())
      else if (expected.kind === 'no-stream') wrong.setExpectedNoStream(new Empty())
      else if (expected.kind === 'exists') wrong.setExpectedStreamExists(new Empty())
      else wrong.setExpectedAny(new Empty())
      const details = new Any()
      details.pack(wrong.serializeBinary(), 'event_store.client.WrongExpectedVersion')
      const status = new statusPb.Status().setCode(9).setMessage('WrongExpectedVersion').setDetails(details as never)
      call.write(resp.setError(status))
    })
    call.on('end', () => call.end())
  }
