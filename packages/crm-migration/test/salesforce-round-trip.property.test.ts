// Property: for a generated ownership history, exporting it in Salesforce's shape (rows in any
// order, two rows per owner change, queues, changes at the same second) and importing the export
// gives back the same `ownerAt` answers as the history itself, at every instant that matters.
import { inMemoryEventStore, instantOf } from '@account-ownership/core'
import { migrate } from '@account-ownership/crm-migration'
import { accountHeader, accountRow, historyHeader, historyRows, salesforceIdOf, type GeneratedAccount } from '@account-ownership/crm-migration/testing'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { eventsOf, ownerAt } from './account-log.js'

const dir = mkdtempSync(join(tmpdir(), 'crm-round-trip-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const users = [1, 2, 3, 4].map((n) => salesforceIdOf('005', n))
const queues = [1, 2].map((n) => salesforceIdOf('00G', n))
const anOwner = fc.constantFrom(...users, ...users, ...queues)
const isQueue = (o: string): boolean => o.startsWith('00G')

/* A history: owners change at increasing instants (whole seconds, some in the same second); a user never follows himself. */
const anAccount = (n: number): fc.Arbitrary<GeneratedAccount> =>
  fc
    .record({
      createdAt: fc.integer({ min: Date.UTC(2012, 0, 1) / 1000, max: Date.UTC(2024, 0, 1) / 1000 }).map((s) => s * 1000),
      initialOwner: anOwner,
      steps: fc.array(fc.record({ gap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 400 * 86_400 })), to: anOwner, by: fc.constantFrom(...users) }), { maxLength: 6 }),
      name: fc.constantFrom('Acme GmbH', 'Müller, Schmidt & Co. KG', 'Chemie "Nord" AG', 'Süd\nNiederlassung'),
    })
    .map(({ createdAt, initialOwner, steps, name }) => {
      const changes: Array<{ at: number; to: string; by: string }> = []
      let owner = initialOwner
      let at = createdAt
      for (const step of steps) {
        at += step.gap * 1000
        if (step.to === owner || (isQueue(step.to) && isQueue(owner))) continue
        changes.push({ at, to: step.to, by: step.by })
        owner = step.to
      }
      return { id: salesforceIdOf('001', n), name, createdAt, initialOwner, changes }
    })

const aHistory = fc.integer({ min: 1, max: 5 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => anAccount(i + 1))))

/* The history's own answer: the owner after the last change at or before t (a queue: nobody), nobody before creation. */
const expectedOwnerAt = (a: GeneratedAccount, t: number): string | null => {
  if (t < a.createdAt) return null
  const owner = a.changes.filter((c) => c.at <= t).at(-1)?.to ?? a.initialOwner
  return isQueue(owner) ? null : owner
}

const instantsOf = (a: GeneratedAccount): ReadonlyArray<number> => [a.createdAt - 1000, a.createdAt, ...a.changes.flatMap((c) => [c.at - 1, c.at, c.at + 1000]), Date.UTC(2100, 0, 1)]

describe('Salesforce export round trip', () => {
  it('gives back the ownerAt answers of the history it was made from', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(aHistory, fc.infiniteStream(fc.integer()), async (accounts, randoms) => {
        let row = 1
        const history = accounts.flatMap((a) => {
          const rows = historyRows(a, row)
          row += rows.length
          return rows
        })
        const order = [...randoms.take(history.length)]
        const shuffled = history.map((r, i) => ({ r, k: order[i]! })).sort((x, y) => x.k - y.k).map((x) => x.r)
        const accountFile = join(dir, `Account-${run}.csv`)
        const historyFile = join(dir, `AccountHistory-${run++}.csv`)
        writeFileSync(accountFile, [accountHeader, ...accounts.map(accountRow)].join('\r\n') + '\r\n')
        writeFileSync(historyFile, [historyHeader, ...shuffled].join('\r\n') + '\r\n')
        const store = inMemoryEventStore()
        const problems: string[] = []
        const done = await migrate(
          [
            { format: 'salesforce-history', path: historyFile },
            { format: 'salesforce-accounts', path: accountFile },
          ],
          { store, tenantId: 't1', importedBy: 'migration', onProblem: (p) => problems.push(`${p.line}:${p.field}: ${p.message}`) },
        )
        expect(E.isRight(done)).toBe(true)
        expect(problems).toEqual([])
        for (const account of accounts) {
          const events = await eventsOf(store, account.id)
          for (const t of instantsOf(account)) expect([account.id, t, ownerAt(events, instantOf(t))]).toEqual([account.id, t, expectedOwnerAt(account, t)])
        }
      }),
      { numRuns: 60 },
    )
  })
})
