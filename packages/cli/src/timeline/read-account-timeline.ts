/**
 * Reading an account's timeline from the log: its own stream, then the streams of the principals
 * who appear in it, for their offboardings.
 *
 * @module
 */
import { AccountId, accountStream, PrincipalId, principalStream, type DomainEvent, type EventStore, type RecordedEvent } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import { CommandFailedError, failedRead, UsageError } from '../exit-code.js'
import { accountTimeline, type AccountTimeline } from './account-timeline.js'

const collect = async (events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent<DomainEvent>[]> => {
  const all: RecordedEvent<DomainEvent>[] = []
  for await (const event of events) all.push(event)
  return all
}

/**
 * The timeline of the account, a usage error for an id that is not one or an account the log
 * does not hold, or a failure when the log cannot be read.
 * @category timeline
 * @since 0.2.0
 */
export const readAccountTimeline = async (store: EventStore, accountId: string): Promise<E.Either<UsageError | CommandFailedError, AccountTimeline>> => {
  if (!AccountId.is(accountId)) return E.left(new UsageError('<account>', 'is not an account id'))
  try {
    const events = await collect(store.readStream(accountStream(accountId)))
    if (events.length === 0) return E.left(new UsageError('<account>', 'no such account in the log'))
    const principals = new Set(accountTimeline(events, []).bars.map((b) => b.principalId))
    const offboardings: RecordedEvent<DomainEvent>[] = []
    for (const id of principals) if (PrincipalId.is(id)) offboardings.push(...(await collect(store.readStream(principalStream(id)))))
    return E.right(accountTimeline(events, offboardings))
  } catch (cause) {
    return E.left(failedRead('the log could not be read', cause))
  }
}
