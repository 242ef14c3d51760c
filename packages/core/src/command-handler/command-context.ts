/**
 * Who sends a command and under which keys: the idempotency key (`commandId`), the actor, the
 * tenant, and the correlation that ties a request's events together.
 *
 * @module
 */
import * as t from 'io-ts'
import { CommandId, CorrelationId, PrincipalId, TenantId } from '../ids.js'
import { Instant } from '../instant.js'

/**
 * The context of one command.
 * @category command handler
 * @since 0.1.0
 */
export const CommandContext = t.readonly(
  t.exact(
    t.intersection([
      t.type({ commandId: CommandId, actor: PrincipalId, tenantId: TenantId }),
      t.partial({
        onBehalfOf: PrincipalId,
        correlationId: CorrelationId,
        causationId: CorrelationId,
        /** When it happened in business terms, if not now (e.g. an import of history). */
        occurredAt: Instant,
      }),
    ]),
  ),
  'CommandContext',
)
/** @category command handler @since 0.1.0 */
export type CommandContext = t.TypeOf<typeof CommandContext>
