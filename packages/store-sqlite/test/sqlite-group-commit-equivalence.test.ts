import { accountStream, type AccountId, type AppendError, type AppendResult, type ExpectedVersion, type StoredEvent } from '@account-ownership/core'
import { steppingClock } from '@account-ownership/core/testing'
import { openSqliteEventStore, type SqliteEventStore, type SqliteEventStoreOptions } from '@account-ownership/store-sqlite'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { classifiedEvent } from './processes/classified-event.js'
import { scratchDir } from './scratch-dir.js'

const scratch = scratchDir('group-commit-equivalence')

// One append of a generated group: to one of three streams, under any kind of expected version
// (many of them wrong once the group is under way), with new event ids or those of an earlier
// append of the group (a repeat when stream and version fit, a DuplicateEventError when not).
interface GeneratedAppend {
  readonly stream: number
  readonly expected: ExpectedVersion
  readonly size: number
  readonly repeatOf: number | undefined
}

const appendArbitrary: fc.Arbitrary<GeneratedAppend> = fc.record({
  stream: fc.integer({ min: 0, max: 2 }),
  expected: fc.oneof(fc.constantFrom<ExpectedVersion>('any', 'no-stream', 'exists'), fc.bigInt({ min: 0n, max: 4n })),
  size: fc.integer({ min: 1, max: 3 }),
  repeatOf: fc.option(fc.nat({ max: 20 }), { nil: undefined }),
})

const open = (settings: Pick<SqliteEventStoreOptions, 'groupCommit'>): SqliteEventStore => {
  const opened = openSqliteEventStore({ path: scratch.file(), clock: steppingClock(), ...settings })
  if (E.isLeft(opened)) throw opened.left
  return opened.right
}

const idsOf = (appends: ReadonlyArray<GeneratedAppend>, i: number): string[] => {
  const a = appends[i]!
  return a.repeatOf !== undefined && a.repeatOf < i ? idsOf(appends, a.repeatOf) : Array.from({ length: a.size }, (_, k) => `e${i}-${k}`)
}

const call = (store: SqliteEventStore, appends: ReadonlyArray<GeneratedAppend>, i: number) => {
  const { stream, expected } = appends[i]!
  const accountId = `kunde-${stream}` as AccountId
  return store.append(
    accountStream(accountId),
    idsOf(appends, i).map((id) => classifiedEvent(accountId, i, 'umsatz', id)),
    { expectedVersion: expected },
  )
}

// An answer as plain data: the error's tag and fields, or what was recorded.
const answerOf = (result: E.Either<AppendError, AppendResult>) => (E.isLeft(result) ? { ...result.left, message: result.left.message } : result.right)

const rowsOf = async (store: SqliteEventStore): Promise<StoredEvent[]> => {
  const rows: StoredEvent[] = []
  for await (const row of store.readStoredAll({ verifyHashes: true })) rows.push(row)
  return rows
}

describe('group commit, as a property', () => {
  it('answers every append of a group, and leaves the log, exactly as the same appends one at a time in arrival order would', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(appendArbitrary, { minLength: 1, maxLength: 12 }),
        fc.record({ maxAppends: fc.integer({ min: 1, max: 6 }), maxWaitMicros: fc.constantFrom(0, 200, 5000) }),
        async (appends, groupCommit) => {
          const grouped = open({ groupCommit })
          const alone = open({ groupCommit: false })
          try {
            const together = await Promise.all(appends.map((_, i) => call(grouped, appends, i)))
            const oneByOne = []
            for (let i = 0; i < appends.length; i++) oneByOne.push(await call(alone, appends, i))
            expect(together.map(answerOf)).toEqual(oneByOne.map(answerOf))
            // The same rows, hashes and positions included: the chain checked on the way out.
            expect(await rowsOf(grouped)).toEqual(await rowsOf(alone))
          } finally {
            await grouped.close()
            await alone.close()
          }
        },
      ),
      { numRuns: 60 },
    )
  })
})
