/**
 * The streams of the access log (Zugriffsprotokoll): a family of its own, `accesslog-`, apart
 * from the account streams, so that the high volume of decisions never lengthens an account's
 * stream nor contends with its writers. One stream per UTC day of the decisions' business time
 * (and per writer, where several write), so a stream stays bounded and a day is read at once.
 *
 * @module
 */
import type { Instant, StreamId } from '@account-ownership/core'

/**
 * The family prefix of the access log's streams.
 * @category access log
 * @since 0.3.0
 */
export const accessLogFamily = 'accesslog'

/**
 * The access-log stream of the day of `at`, e.g. `accesslog-2026-03-12` or, for writer `api-2`,
 * `accesslog-2026-03-12.api-2`.
 * @category access log
 * @since 0.3.0
 */
export const accessLogStream = (at: Instant, writer?: string): StreamId => `${accessLogFamily}-${at.slice(0, 10)}${writer === undefined ? '' : `.${writer}`}` as StreamId
