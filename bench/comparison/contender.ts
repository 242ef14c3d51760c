/**
 * What every system of the comparison does, in its own way: open accounts, handle a
 * ClassifyAccount command (load the stream, decide, append one event), append a batch to a new
 * stream, read a stream and fold it, and list what it stored — so that after a run each can be
 * checked to hold exactly the events it was given.
 *
 * Every system decides with the same pure `accountDecider` and stores the same event bodies:
 * the same `data`, and the metadata this library records (event id, business time, actor,
 * tenant, correlation, causation, command id), so that the rows are of the same size.
 *
 * @module
 */
import { accountDecider, decodeAccountCommand, defaultPolicy, instantOf, type AccountEvent, type AccountState, type NewEvent, type Policy, type PrincipalId } from '@account-ownership/core'

/** An event as given to every system: type, data and this library's metadata. */
export interface Fact {
  readonly type: string
  readonly data: Record<string, unknown>
  readonly metadata: Record<string, unknown>
}

/** One system under comparison, on its own file or database. */
export interface Contender {
  /** The label of its rows. */
  readonly name: string
  /** Load + decide + append one `ClassifyAccount` of account `kunde-<account>`. */
  classify(account: number, score: number, commandId: string): Promise<void>
  /** One append of `facts` to the new stream `stream`. */
  appendBatch(stream: string, facts: ReadonlyArray<Fact>): Promise<void>
  /** Read the stream and fold it into the account's state; answers how many events it folded. */
  readAndFold(stream: string): Promise<number>
  /** Every event it holds, as `stream|commandId|score` (see `factKey`). */
  stored(): Promise<ReadonlyArray<string>>
  /** How many operations it tried again after a failure its users would retry, where it does. */
  retried?(): number
  close(): Promise<void>
}

/** The stream of account `kunde-<account>`, as every system names it. */
export const streamOf = (account: number): string => `account-kunde-${account}`

const metadataOf = (commandId: string) => ({
  eventId: `evt-${commandId}`,
  occurredAt: '2026-03-12T09:00:00.000Z',
  actor: { principalId: 'dora' },
  tenantId: 'acme-de',
  correlationId: `corr-${commandId}`,
  causationId: `corr-${commandId}`,
  commandId,
})

/** The `AccountOpened` that starts account `kunde-<account>`. */
export const openedFact = (account: number, commandId = `open-${account}`): Fact => ({
  type: 'AccountOpened',
  data: { accountId: `kunde-${account}`, tenantId: 'acme-de', displayName: `Kunde ${account} GmbH`, tier: 'standard', openedBy: 'dora' },
  metadata: metadataOf(commandId),
})

/** An `AccountClassified` of account `kunde-<account>` with score `score`. */
export const classifiedFact = (account: number, score: number, commandId: string): Fact => ({
  type: 'AccountClassified',
  data: { accountId: `kunde-${account}`, tier: 'standard', score, criteria: ['umsatz'], classifiedBy: 'dora' },
  metadata: metadataOf(commandId),
})

/** A stream of `length` events: opened, then classified `length - 1` times. */
export const streamFacts = (account: number, length: number, tag: string): Fact[] => [
  openedFact(account, `${tag}-0`),
  ...Array.from({ length: length - 1 }, (_, k) => classifiedFact(account, k + 1, `${tag}-${k + 1}`)),
]

/** The same fact as this library's `NewEvent`. */
export const newEventOf = (fact: Fact): NewEvent => fact as unknown as NewEvent

/** What the check compares: the stream, the command that caused the event, and its score if any. */
export const factKey = (stream: string, metadata: Record<string, unknown>, data: Record<string, unknown>): string =>
  `${stream}|${String(metadata['commandId'])}|${String(data['score'] ?? '')}`

/** The command every system handles. */
export const classifyCommand = (account: number, score: number) => ({ type: 'ClassifyAccount', data: { accountId: `kunde-${account}`, tier: 'standard', score, criteria: ['umsatz'] } }) as const

const policy = { ...defaultPolicy, admins: ['dora' as PrincipalId] }

/** The state of an account after one more event, with this library's decider. */
export const evolveAccount = (state: AccountState, event: { readonly type: string; readonly data: unknown }): AccountState => accountDecider.evolve(state, event as AccountEvent)

/** The state of an account after its events, folded with this library's decider. */
export const foldAccount = (events: Iterable<{ readonly type: string; readonly data: unknown }>): AccountState => {
  let state = accountDecider.initialState
  for (const event of events) state = evolveAccount(state, event)
  return state
}

/**
 * Decide a `ClassifyAccount` in `state` as the peers and the raw baselines do: the command
 * decoded with this library's codecs, the decider's events given this library's metadata.
 * Throws on a refusal — in the benchmark every command is valid.
 */
export const decideClassify = (account: number, score: number, commandId: string, state: AccountState): Fact[] => {
  const command = decodeAccountCommand(classifyCommand(account, score))
  if (command._tag === 'Left') throw new Error(`command refused: ${JSON.stringify(command.left)}`)
  const decided = accountDecider.decide(command.right, state, { actor: 'dora' as PrincipalId, now: instantOf(Date.now()), policy })
  if (decided._tag === 'Left') throw new Error(`command refused: ${decided.left.message}`)
  return decided.right.map((event) => ({ type: event.type, data: event.data as unknown as Record<string, unknown>, metadata: metadataOf(commandId) }))
}

/** This library's decision context for the command handler (same policy as above). */
export const handlerPolicy: Policy = policy
