/**
 * The command handlers of this domain: one for account streams, one for principal streams.
 *
 * @module
 */
import type * as t from 'io-ts'
import { accountDecider } from '../account/account-decider.js'
import { AccountCommand, decodeAccountCommand } from '../account/account-command.js'
import type { AccountState } from '../account/account-state.js'
import type { AccountError } from '../account/account-errors.js'
import type { AccountEvent } from '../account/account-event.js'
import { principalsNamed } from '../account/principals-named.js'
import { decodeWith } from '../field-problem.js'
import type { Clock } from '../instant.js'
import { PrincipalCommand } from '../offboarding/principal-commands.js'
import { principalDecider, type PrincipalError, type PrincipalState } from '../offboarding/principal-decider.js'
import type { PrincipalEvent } from '../offboarding/principal-events.js'
import { storePrincipalDirectory, type PrincipalDirectory } from '../offboarding/principal-directory.js'
import type { Policy } from '../policy.js'
import type { EventStore } from '../store/event-store.js'
import { accountStream, principalStream } from '../store/stream-id.js'
import { commandHandler, type CommandHandler } from './command-handler.js'
import type { StateCacheOptions } from './stream-state-cache.js'

/**
 * What both handlers are built from.
 * @category command handler
 * @since 0.1.0
 */
export interface DomainHandlerConfig {
  readonly store: EventStore
  readonly policy: Policy
  readonly clock?: Clock
  /** Source of event ids; time-ordered UUIDs (`timeOrderedEventId`) by default. */
  readonly newEventId?: () => string
  readonly maxRetries?: number
  /** Where offboardings are read from; by default the principal streams of `store`. @since 0.2.0 */
  readonly directory?: PrincipalDirectory
  /** The folded state of how many streams to keep (see `StateCacheOptions`); `false` reads every stream anew. @since 0.3.0 */
  readonly stateCache?: StateCacheOptions | false
  /** How many milliseconds a command's `occurredAt` may lie ahead of `clock`; five minutes by default. @since 0.3.0 */
  readonly maxAheadOfClock?: number
}

/**
 * An account command as plain data (ids and instants as strings), before decoding.
 * @category command handler
 * @since 0.1.0
 */
export type AccountCommandInput = t.OutputOf<typeof AccountCommand>

/**
 * A principal command as plain data, before decoding.
 * @category command handler
 * @since 0.1.0
 */
export type PrincipalCommandInput = t.OutputOf<typeof PrincipalCommand>

/**
 * The handler of account commands; each goes to the stream `account-<accountId>`.
 * @category command handler
 * @since 0.1.0
 * @example
 * const accounts = accountCommandHandler({ store, policy: defaultPolicy })
 * await accounts.handle(
 *   { type: 'OpenAccount', data: { accountId: 'acme', tenantId: 't1', displayName: 'ACME GmbH', tier: 'key' } },
 *   { commandId: 'cmd-1', actor: 'anna', tenantId: 't1' },
 * )
 */
export const accountCommandHandler = (config: DomainHandlerConfig): CommandHandler<AccountEvent, AccountError, AccountCommandInput> =>
  commandHandler<AccountCommand, AccountEvent, AccountState, AccountError, AccountCommandInput>({
    ...config,
    decider: accountDecider,
    decodeCommand: decodeAccountCommand,
    streamOf: (c) => accountStream(c.data.accountId),
    directory: config.directory ?? storePrincipalDirectory(config.store),
    principalsOf: principalsNamed,
  })

/**
 * The handler of principal commands; each goes to the stream `principal-<principalId>`.
 * @category command handler
 * @since 0.1.0
 */
export const principalCommandHandler = (config: DomainHandlerConfig): CommandHandler<PrincipalEvent, PrincipalError, PrincipalCommandInput> =>
  commandHandler<PrincipalCommand, PrincipalEvent, PrincipalState, PrincipalError, PrincipalCommandInput>({
    ...config,
    decider: principalDecider,
    decodeCommand: decodeWith(PrincipalCommand),
    streamOf: (c) => principalStream(c.data.principalId),
    directory: config.directory ?? storePrincipalDirectory(config.store),
    principalsOf: (c) => (c.data.successorId === null ? [] : [c.data.successorId]),
  })
