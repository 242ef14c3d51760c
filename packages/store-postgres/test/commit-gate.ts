/**
 * A gate in front of COMMIT: a pool whose clients hold every COMMIT while the gate is shut, so a
 * test can keep an append's transaction open — positions handed out, rows inserted, nothing
 * visible — while other writers go on.
 *
 * @module
 */
import type pg from 'pg'

/** Shut the gate on `pool`'s clients; `held` resolves when a COMMIT waits at it. */
export const commitGate = (pool: pg.Pool) => {
  let open: () => void = () => undefined
  let gate: Promise<void> | undefined
  let arrived: () => void = () => undefined
  const held = new Promise<void>((resolve) => (arrived = resolve))
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>
    ;(client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const text = args[0]
      const waiting = gate
      if (waiting === undefined) return query(...args)
      // An append on a known tip commits inside its procedure, where no gate can stand: answered
      // as a tip that moved (nothing written), it goes the long way, whose COMMIT the gate holds.
      if (typeof text === 'object' && text !== null && String((text as { text?: unknown }).text).includes('.ao_append_on_tip(')) {
        return Promise.resolve({ command: 'CALL', rowCount: 1, oid: 0, fields: [], rows: [{ first_position: null }] })
      }
      if (typeof text !== 'string') return query(...args)
      if (text === 'COMMIT') {
        arrived()
        return waiting.then(() => query(...args))
      }
      // An append sends its insert, COMMIT and barrier as one query: run what comes before the
      // COMMIT, wait at the gate, then the rest; the answers as one query of them all gives them.
      const at = text.indexOf('; COMMIT')
      if (at < 0) return query(...args)
      return (query(text.slice(0, at)) as Promise<unknown[]>).then(async (before) => {
        arrived()
        await waiting
        const after = (await query(text.slice(at + 2))) as unknown[]
        return [...before, ...after]
      })
    }
  })
  return {
    shut: () => {
      gate = new Promise<void>((resolve) => (open = resolve))
    },
    /** Resolves once a COMMIT waits at the shut gate. */
    held,
    open: () => {
      gate = undefined
      open()
    },
  }
}
