/**
 * A fresh double and a store connected to it, for one test; `close` ends both.
 *
 * @module
 */
import type { EventStore } from '@account-ownership/core'
import { openEventStoreDbEventStore, type EventStoreDbEventStoreOptions } from '@account-ownership/store-eventstoredb'
import * as E from 'fp-ts/lib/Either.js'
import { startEsdbDouble, type EsdbDouble } from './esdb-double.js'

const doubles = new WeakMap<EventStore, EsdbDouble>()

export const storeOnDouble = async (
  options: Omit<EventStoreDbEventStoreOptions, 'connectionString' | 'driver'> = {},
  protocol: { readonly batchAppend?: boolean } = {},
): Promise<{ store: EventStore; double: EsdbDouble }> => {
  const double = await startEsdbDouble(protocol)
  const opened = openEventStoreDbEventStore({ ...options, connectionString: double.connectionString })
  if (E.isLeft(opened)) throw opened.left
  doubles.set(opened.right, double)
  return { store: opened.right, double }
}

/** A second store on the same double: another writer (the caller closes it). */
export const rivalOn = (double: EsdbDouble): EventStore => {
  const opened = openEventStoreDbEventStore({ connectionString: double.connectionString })
  if (E.isLeft(opened)) throw opened.left
  return opened.right
}

export const closeStoreOnDouble = async (store: EventStore): Promise<void> => {
  await store.close()
  await doubles.get(store)?.stop()
}
