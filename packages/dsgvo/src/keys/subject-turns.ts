/**
 * One subject's keys used by one thing at a time (in this process): an erasure, and each append
 * that seals the subject's personal data. Without it, an append could look up the subject's key,
 * an erasure destroy it and be recorded, and the append then commit values sealed under the
 * destroyed key after the erasure — acknowledged, yet unreadable from then on; and two erasures
 * of one subject could both find its key and both record destroying it.
 *
 * Turns are taken in the order asked for, per subject and per key store; a caller that needs
 * several subjects registers for all of them at once, so two callers never wait on each other in
 * a circle. Processes apart do not see each other's turns.
 *
 * @module
 */
import type { KeyStore } from './key-store.js'

const turnsByStore = new WeakMap<KeyStore, Map<string, Promise<void>>>()

/**
 * Run `work` once every earlier turn of `subjects` on `keys` has ended, holding their turns.
 * @category keys
 * @since 0.4.0
 */
export const inSubjectTurns = async <A>(keys: KeyStore, subjects: Iterable<string>, work: () => Promise<A>): Promise<A> => {
  let turns = turnsByStore.get(keys)
  if (turns === undefined) turnsByStore.set(keys, (turns = new Map()))
  const mine = [...new Set(subjects)]
  let end!: () => void
  const turn = new Promise<void>((resolve) => (end = resolve))
  const earlier = mine.map((subject) => turns.get(subject))
  for (const subject of mine) turns.set(subject, turn)
  try {
    await Promise.all(earlier)
    return await work()
  } finally {
    end()
    for (const subject of mine) if (turns.get(subject) === turn) turns.delete(subject)
  }
}
