/**
 * What the store asks the server to leave out of `$all` (Filter auf dem Server), so that what it
 * would throw away does not cross the wire. The protocol takes one expression per read, on the
 * event type or on the stream name. A read by type asks for the types it does not skip — a regular
 * expression that passes every other type, so that a row of a type this library does not know
 * still arrives and fails as corrupt, as it would unfiltered — but none of the server's own (`$>`
 * links of the system projections, `$statsCollected`, `$metadata`, tombstones), which are never
 * this library's events; the store keeps to its own streams itself, so other applications' events
 * still cross the wire on such a read. Any other read asks for the store's streams by their
 * prefixes (namespace and family), which is exactly `StreamNaming.ours`.
 *
 * @module
 */
import type { LogFilter } from './eventstoredb-driver.js'
import type { StreamNaming } from './eventstoredb-naming.js'

// The metacharacters of .NET's regular expressions, which are the server's, and of JavaScript's.
const escaped = (literal: string): string => literal.replace(/[\\^$.|?*+()[\]{}#\s-]/g, (c) => (c === ' ' ? '\\x20' : `\\${c}`))

/**
 * A regular expression that matches every event type but the server's own (`$…`) and the
 * `skipped` ones. The end of the text is `(?![\s\S])`, not `$`: in .NET `$` also matches before a
 * closing line break, so `$` would leave out a type `A\n` beside `A`.
 * @category reads
 * @since 0.3.0
 */
export const typesOtherThan = (skipped: ReadonlySet<string>): string => `^(?!\\$)(?!(?:${[...skipped].map(escaped).join('|')})(?![\\s\\S]))`

/**
 * The server's filter for a read of the log that skips `skippedTypes`.
 * @category reads
 * @since 0.3.0
 */
export const logFilterOf = (naming: StreamNaming, skippedTypes: ReadonlySet<string>): LogFilter =>
  skippedTypes.size === 0 ? { on: 'stream-name', prefixes: naming.serverPrefixes } : { on: 'event-type', regex: typesOtherThan(skippedTypes) }
