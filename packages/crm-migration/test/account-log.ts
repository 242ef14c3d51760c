// What the log says about an account: its events, and `ownerAt` as a replay up to an instant
// (invariant 8 makes the read model's answer the same).
import { accountDecider, accountStream, instantOf, ownerOf, type AccountEvent, type AccountId, type AccountState, type EventStore, type RecordedEvent } from '@account-ownership/core'

export const eventsOf = async (store: EventStore, accountId: string): Promise<ReadonlyArray<RecordedEvent>> => {
  const events: RecordedEvent[] = []
  for await (const e of store.readStream(accountStream(accountId as AccountId))) events.push(e)
  return events
}

export const ownerAt = (events: ReadonlyArray<RecordedEvent>, at: string): string | null => {
  let state: AccountState = accountDecider.initialState
  for (const e of events) if (e.metadata.occurredAt <= at) state = accountDecider.evolve(state, e as unknown as AccountEvent)
  return ownerOf(state)
}

export const at = (iso: string): string => instantOf(Date.parse(iso))

export const fixture = (name: string): string => new URL(`./fixtures/${name}`, import.meta.url).pathname
