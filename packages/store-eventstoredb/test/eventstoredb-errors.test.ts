import { isStoreError } from '@account-ownership/core'
import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
  convertToCommandError,
} from '@eventstore/db-client'
import sharedPb from '@eventstore/db-client/generated/shared_pb.js'
import { Metadata, status } from '@grpc/grpc-js'
import { actualVersionOf, concurrencyErrorOf, isStreamNotFound, isWrongExpectedVersion, storeErrorOfEventStoreDb } from '@account-ownership/store-eventstoredb'
import { describe, expect, it } from 'vitest'

// Every mapping of a client failure, with the client's own error classes built directly.
const serviceError = (code: number, details: string, exception?: string) => {
  const metadata = new Metadata()
  if (exception !== undefined) metadata.set('exception', exception)
  return Object.assign(new Error(`${code} ${details}`), { code, details, metadata })
}

describe('wrong expected version', () => {
  it.each<[string, bigint | 'no_stream', bigint | 'no-stream']>([
    ['a stream at revision 3', 3n, 3n],
    ['no stream', 'no_stream', 'no-stream'],
  ])('becomes a ConcurrencyError with the actual version of %s', (_what, current, actual) => {
    const error = new WrongExpectedVersionError(undefined, { streamName: 'account-kunde-1', current, expected: 2n })
    expect(isWrongExpectedVersion(error)).toBe(true)
    expect(concurrencyErrorOf(error, 'account-kunde-1', 2n)).toMatchObject({ _tag: 'ConcurrencyError', streamId: 'account-kunde-1', expected: 2n, actual })
  })

  it('reads the actual version from the BatchAppend form (details of a google.rpc.Status)', () => {
    const details = new sharedPb.WrongExpectedVersion()
    details.setCurrentStreamRevision('7')
    details.setExpectedStreamPosition('5')
    const error = WrongExpectedVersionError.fromWrongExpectedVersion(details, 'account-kunde-1')
    expect(actualVersionOf(error)).toBe(7n)
    const noStream = new sharedPb.WrongExpectedVersion()
    noStream.setCurrentNoStream(new sharedPb.Empty())
    expect(actualVersionOf(WrongExpectedVersionError.fromWrongExpectedVersion(noStream, 'account-kunde-1'))).toBe('no-stream')
  })

  it('reads the actual version from the form a server sends in trailers', () => {
    const raw = serviceError(status.FAILED_PRECONDITION, 'wrong expected version', 'wrong-expected-version')
    raw.metadata.set('stream-name', 'account-kunde-1')
    raw.metadata.set('expected-version', '1')
    raw.metadata.set('actual-version', '4')
    const converted = convertToCommandError(raw)
    expect(converted).toBeInstanceOf(WrongExpectedVersionError)
    expect(concurrencyErrorOf(converted, 'account-kunde-1', 'exists')).toMatchObject({ expected: 'exists', actual: 4n })
  })
})

it('tells a missing stream on read apart from everything else', () => {
  expect(isStreamNotFound(new StreamNotFoundError(undefined, 'account-kunde-1'))).toBe(true)
  expect(isStreamNotFound(new UnavailableError())).toBe(false)
  expect(isStreamNotFound(new Error('stream-not-found'))).toBe(false)
})

describe('failures that a retry can cure', () => {
  it.each<[string, unknown]>([
    ['UnavailableError', new UnavailableError(serviceError(status.UNAVAILABLE, 'No connection established'))],
    ['gRPC 14 as the client converts it', convertToCommandError(serviceError(status.UNAVAILABLE, 'Connection dropped'))],
    ['gRPC 14 unconverted', serviceError(status.UNAVAILABLE, 'Connection dropped')],
    ['gRPC 4 unconverted', serviceError(status.DEADLINE_EXCEEDED, 'Deadline exceeded')],
    ['DeadlineExceededError', new DeadlineExceededError()],
    ['TimeoutError (gRPC 10, aborted)', convertToCommandError(serviceError(status.ABORTED, 'Operation timed out'))],
    ['TimeoutError', new TimeoutError()],
    ['CancelledError', new CancelledError()],
    ['NotLeaderError', (() => {
      const raw = serviceError(status.NOT_FOUND, 'Leader info available', 'not-leader')
      raw.metadata.set('leader-endpoint-host', '10.0.0.2')
      raw.metadata.set('leader-endpoint-port', '2113')
      return new NotLeaderError(raw)
    })()],
  ])('%s becomes a retryable StoreUnavailableError', (_what, error) => {
    const mapped = storeErrorOfEventStoreDb(error)
    expect(mapped).toMatchObject({ _tag: 'StoreUnavailableError', retryable: true })
    expect(isStoreError(mapped)).toBe(true)
  })
})

describe('failures that need a person', () => {
  it.each<[string, unknown]>([
    ['AccessDeniedError', new AccessDeniedError()],
    ['gRPC 16 (unauthenticated) as the client converts it', convertToCommandError(serviceError(status.UNAUTHENTICATED, 'Bad credentials'))],
    ['StreamDeletedError', StreamDeletedError.fromStreamName('account-kunde-1')],
    ['UnknownError', new UnknownError()],
    ['an invalid read position (gRPC 2)', serviceError(status.UNKNOWN, 'Trying to read from an invalid position.')],
    ['a thrown string', 'boom'],
  ])('%s becomes a StoreUnavailableError that is not retryable', (_what, error) => {
    expect(storeErrorOfEventStoreDb(error)).toMatchObject({ _tag: 'StoreUnavailableError', retryable: false })
  })

  it('an append over the server limit is bad input naming events', () => {
    expect(storeErrorOfEventStoreDb(MaxAppendSizeExceededError.fromMaxAppendSize(1024))).toMatchObject({ _tag: 'InvalidStoreInputError', field: 'events' })
  })
})
