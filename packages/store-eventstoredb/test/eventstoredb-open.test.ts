import { openEventStoreDbEventStore, type EventStoreDbDriver, type EventStoreDbEventStoreOptions } from '@account-ownership/store-eventstoredb'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'

// Opening checks its options and answers bad ones with a value naming the field, before any
// connection is made; a connection string is never repeated (it may hold a password).
const idle: EventStoreDbDriver = {
  append: async () => {},
  readStream: async () => [],
  readAll: async () => [],
  catchUpAll: async function* () {},
  dispose: async () => {},
}

describe('openEventStoreDbEventStore', () => {
  it.each<[string, unknown, string]>([
    ['no options', null, 'options'],
    ['neither a connection string nor a driver', {}, 'connectionString'],
    ['both', { connectionString: 'esdb://localhost:2113?tls=false', driver: idle }, 'connectionString'],
    ['an empty connection string', { connectionString: '' }, 'connectionString'],
    ['a connection string of another database', { connectionString: 'postgres://admin:s3cret@db:5432/x' }, 'connectionString'],
    ['a number for a connection string', { connectionString: 2113 }, 'connectionString'],
    ['no stream prefixes', { driver: idle, streamPrefixes: [] }, 'streamPrefixes'],
    ['a prefix without its dash', { driver: idle, streamPrefixes: ['account'] }, 'streamPrefixes'],
    ['zero append attempts', { driver: idle, appendAttempts: 0 }, 'appendAttempts'],
    ['a namespace without its dot', { driver: idle, namespace: 't42' }, 'namespace'],
    ['a namespace with a dash (it would look like a stream family)', { driver: idle, namespace: 't-4.' }, 'namespace'],
    ['disposeOnClose as text', { driver: idle, disposeOnClose: 'yes' }, 'disposeOnClose'],
    ['filterOnServer as text', { driver: idle, filterOnServer: 'no' }, 'filterOnServer'],
    ['a read timeout of zero', { connectionString: 'esdb://127.0.0.1:1?tls=false', readTimeoutMs: 0 }, 'readTimeoutMs'],
  ])('refuses %s, naming the field', (_what, options, field) => {
    const opened = openEventStoreDbEventStore(options as EventStoreDbEventStoreOptions)
    expect(opened).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field })))
    if (E.isLeft(opened)) expect(opened.left.message).not.toContain('s3cret')
  })

  it.each<[string, EventStoreDbEventStoreOptions]>([
    ['a connection string', { connectionString: 'esdb://127.0.0.1:1?tls=false' }],
    ['a cluster connection string', { connectionString: 'esdb+discover://admin:changeit@node1:2113,node2:2113?tls=false' }],
    ['a driver, with a namespace and prefixes', { driver: idle, namespace: 't42.', streamPrefixes: ['account-'] }],
  ])('opens with %s without touching the server', async (_what, options) => {
    const opened = openEventStoreDbEventStore(options)
    expect(E.isRight(opened)).toBe(true)
    if (E.isRight(opened)) await opened.right.close()
  })

  it('disposes of a driver it was given only when asked to', async () => {
    let disposed = 0
    const counting: EventStoreDbDriver = { ...idle, dispose: async () => void disposed++ }
    for (const [options, expected] of [[{ driver: counting }, 0], [{ driver: counting, disposeOnClose: true }, 1]] as const) {
      const opened = openEventStoreDbEventStore(options)
      if (E.isLeft(opened)) throw opened.left
      await opened.right.close()
      await opened.right.close()
      expect(disposed).toBe(expected)
    }
  })
})
