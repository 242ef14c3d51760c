/**
 * The commands an import sends for each CRM row (open the account, assign its owner), and the
 * check of all of them before the first append: every command is decided against an empty
 * in-memory log, every account looked up in the real one, and each refusal reported with the
 * row's line and the column it comes from. Only a plan without a problem is carried out.
 *
 * @module
 */
import { accountCommandHandler, accountStream, AccountId, defaultPolicy, inMemoryEventStore, type AccountCommandInput, type EventStore, type Instant } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import { createHash } from 'node:crypto'
import type { CrmRow, RowProblem } from './crm-rows.js'

/**
 * One command of the plan with the row it comes from and its idempotency key.
 * @category import
 * @since 0.2.0
 */
export interface PlannedCommand {
  readonly line: number
  readonly commandId: string
  readonly command: AccountCommandInput
}

/**
 * Who imports, for which tenant, and when (business time of every event).
 * @category import
 * @since 0.2.0
 */
export interface ImportRequest {
  readonly by: string
  readonly tenantId: string
  readonly at: Instant
}

const columnOf: Readonly<Record<string, string>> = { accountId: 'account_id', displayName: 'display_name', tier: 'tier', ownerId: 'owner_id', actor: '--by', tenantId: '--tenant' }
const columnOfField = (field: string): string => columnOf[field.split('.').pop() ?? field] ?? field

/**
 * The commands for the rows; command ids derive from the file's content and the line, so
 * running the same import again repeats nothing.
 * @category import
 * @since 0.2.0
 */
export const importPlan = (rows: ReadonlyArray<CrmRow>, fileText: string, tenantId: string): ReadonlyArray<PlannedCommand> => {
  const file = createHash('sha256').update(fileText).digest('hex').slice(0, 16)
  return rows.flatMap((row) => [
    { line: row.line, commandId: `import-${file}-${row.line}-open`, command: { type: 'OpenAccount', data: { accountId: row.accountId, tenantId, displayName: row.displayName, tier: row.tier } } as AccountCommandInput },
    ...(row.ownerId === '' ? [] : [{ line: row.line, commandId: `import-${file}-${row.line}-owner`, command: { type: 'AssignOwner', data: { accountId: row.accountId, ownerId: row.ownerId } } as AccountCommandInput }]),
  ])
}

// Whether the account's stream begins with the event this very command recorded: an import of the
// same file cut short, which running it again completes (the handler repeats no command id).
const openedBy = async (log: EventStore, accountId: AccountId, commandId: string): Promise<boolean> => {
  for await (const first of log.readStream(accountStream(accountId), { to: 0n })) return first.metadata.commandId === commandId
  return false
}

/**
 * Every problem the plan would meet: refusals of the domain (decided on an empty log) and
 * accounts the real log holds already — unless this same import (file and line) opened them.
 * @category import
 * @since 0.2.0
 */
export const checkPlan = async (plan: ReadonlyArray<PlannedCommand>, log: EventStore, request: ImportRequest): Promise<ReadonlyArray<RowProblem>> => {
  const trial = inMemoryEventStore()
  const handler = accountCommandHandler({ store: trial, policy: { ...defaultPolicy, admins: [request.by] as never }, clock: () => request.at })
  const problems: RowProblem[] = []
  const failedLines = new Set<number>()
  for (const { line, commandId, command } of plan) {
    if (failedLines.has(line)) continue
    if (command.type === 'OpenAccount') {
      const id = command.data.accountId
      if (AccountId.is(id)) {
        const version = await log.streamVersion(accountStream(id))
        if (E.isRight(version) && version.right !== 'no-stream' && !(await openedBy(log, id, commandId))) {
          problems.push({ line, column: 'account_id', message: 'the account exists in the log already' })
          failedLines.add(line)
          continue
        }
      }
    }
    const decided = await handler.handle(command, { commandId, actor: request.by, tenantId: request.tenantId })
    if (E.isRight(decided)) continue
    failedLines.add(line)
    const error = decided.left as { readonly message: string; readonly problems?: ReadonlyArray<{ readonly field: string; readonly message: string }> }
    if (error.problems !== undefined && error.problems.length > 0) for (const p of error.problems) problems.push({ line, column: columnOfField(p.field), message: p.message })
    else problems.push({ line, column: command.type === 'AssignOwner' ? 'owner_id' : '(row)', message: error.message })
  }
  await trial.close()
  return problems
}
