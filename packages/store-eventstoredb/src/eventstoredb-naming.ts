/**
 * Stream names on the server (Stream-Namen). The library's streams are `account-…`,
 * `principal-…` and `subject-…`; on a server shared with other applications they are told apart
 * in `$all` by these prefixes. A namespace puts a whole log of this library beside others in one
 * cluster — a tenant, a staging copy, a test run: `t42.account-kunde-1` on the server is
 * `account-kunde-1` to the store, and its hash chain is over the name without the namespace, so
 * a log copied in or out keeps its hashes.
 *
 * @module
 */
import type { ServerRecord } from './eventstoredb-driver.js'

/**
 * How the store's stream ids map to the server's stream names.
 * @category store
 * @since 0.2.0
 */
export interface StreamNaming {
  /** The prefixes of the server's names of this log's streams (namespace and family): `ours` as a list. */
  readonly serverPrefixes: ReadonlyArray<string>
  /** The server's name of a stream. */
  readonly serverName: (streamId: string) => string
  /** Whether a server event belongs to this store's log. */
  readonly ours: (record: ServerRecord) => boolean
  /** A server event of this log with the store's stream id. */
  readonly local: (record: ServerRecord) => ServerRecord
}

/**
 * The naming of a log under `namespace` (`''` for none) kept to streams with `prefixes`.
 * @category store
 * @since 0.2.0
 */
export const streamNaming = (namespace: string, prefixes: ReadonlyArray<string>): StreamNaming => {
  const serverPrefixes = prefixes.map((p) => namespace + p)
  return {
    serverPrefixes,
    serverName: (streamId) => namespace + streamId,
    ours: (record) => serverPrefixes.some((p) => record.streamId.startsWith(p)),
    local: (record) => (namespace === '' ? record : { ...record, streamId: record.streamId.slice(namespace.length) }),
  }
}
