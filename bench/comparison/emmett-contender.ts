/**
 * Emmett as a system of the comparison, on either of its event stores: commands through its
 * `CommandHandler` with this library's decider, batches through `appendToStream`, reads through
 * `aggregateStream`; the store-specific parts (listing what it stored, closing) are given.
 *
 * @module
 */
import type { AccountState } from '@account-ownership/core'
import { decideClassify, evolveAccount, foldAccount, streamOf, type Contender } from './contender.js'
import type { EmmettEventStore, Peers } from './peers.js'

/** Emmett on `store`, named `name`, with the store's own `stored` and `close`. */
export const emmettContender = (peers: Peers, name: string, store: EmmettEventStore, own: Pick<Contender, 'stored' | 'close'>): Contender => {
  const handle = peers.emmett.CommandHandler<AccountState>({ evolve: evolveAccount, initialState: () => foldAccount([]) })
  return {
    name,
    async classify(account, score, commandId) {
      await handle(store, streamOf(account), (state) => decideClassify(account, score, commandId, state))
    },
    async appendBatch(stream, facts) {
      await store.appendToStream(stream, facts, { expectedStreamVersion: 'STREAM_DOES_NOT_EXIST' })
    },
    async readAndFold(stream) {
      let n = 0
      await store.aggregateStream(stream, { evolve: (state: AccountState, event) => (n++, evolveAccount(state, event)), initialState: () => foldAccount([]) })
      return n
    },
    ...own,
  }
}
