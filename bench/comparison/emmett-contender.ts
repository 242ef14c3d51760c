/**
 * Emmett as a system of the comparison, on either of its event stores: commands through its
 * `CommandHandler` with this library's decider, batches through `appendToStream`, reads through
 * `aggregateStream`; the store-specific parts (listing what it stored, closing) are given.
 *
 * On a busy machine Emmett SQLite's `COMMIT` sometimes fails with `SQLITE_BUSY: cannot commit
 * transaction - SQL statements in progress` (sqlite3 finalizes a statement of the same connection
 * on its own thread, after the callback); Emmett rolls back and rethrows. A user would try again,
 * so the contender does, up to five times, and counts it.
 *
 * @module
 */
import type { AccountState } from '@account-ownership/core'
import { decideClassify, evolveAccount, foldAccount, streamOf, type Contender } from './contender.js'
import type { EmmettEventStore, Peers } from './peers.js'

/** Emmett on `store`, named `name`, with the store's own `stored` and `close`. */
export const emmettContender = (peers: Peers, name: string, store: EmmettEventStore, own: Pick<Contender, 'stored' | 'close'>): Contender => {
  const handle = peers.emmett.CommandHandler<AccountState>({ evolve: evolveAccount, initialState: () => foldAccount([]) })
  let retried = 0
  const retrying = async (op: () => Promise<unknown>): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      try {
        await op()
        return
      } catch (e) {
        if (attempt === 5 || (e as { code?: unknown }).code !== 'SQLITE_BUSY') throw e
        retried++
      }
    }
  }
  return {
    name,
    classify: (account, score, commandId) => retrying(() => handle(store, streamOf(account), (state) => decideClassify(account, score, commandId, state))),
    appendBatch: (stream, facts) => retrying(() => store.appendToStream(stream, facts, { expectedStreamVersion: 'STREAM_DOES_NOT_EXIST' })),
    retried: () => retried,
    async readAndFold(stream) {
      let n = 0
      await store.aggregateStream(stream, { evolve: (state: AccountState, event) => (n++, evolveAccount(state, event)), initialState: () => foldAccount([]) })
      return n
    },
    ...own,
  }
}
