// Given two export files that reuse each other's row ids (`row_id` of the generic CSV), when they
// are imported together, one after the other, and again in another order, then a row's identity
// is its account and its row id: the histories of different accounts are both imported, and
// every rerun completes and adds nothing. Within one account a row id that names two different
// rows is reported with file, line and field — in the run that stages both, and in a later run
// against what an earlier one recorded — and never stops the run.
import { DuplicateEventError, inMemoryEventStore, type EventStore } from '@account-ownership/core'
import { migrate, type MigrationSummary } from '@account-ownership/crm-migration'
import * as E from 'fp-ts/lib/Either.js'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { at, eventsOf, ownerAt } from './account-log.js'

const dir = mkdtempSync(join(tmpdir(), 'crm-row-ids-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const file = (name: string, rows: ReadonlyArray<string>): string => {
  const path = join(dir, name)
  writeFileSync(path, ['account_id,owner_id,changed_at,row_id', ...rows].join('\n') + '\n')
  return path
}
// Two regions' exports, each numbering its rows from 1.
const north = file('north.csv', ['kunde-1,anna,2019-01-01T00:00:00Z,1', 'kunde-1,ben,2020-01-01T00:00:00Z,2'])
const south = file('south.csv', ['kunde-2,carla,2019-02-01T00:00:00Z,1', 'kunde-2,dora,2020-02-01T00:00:00Z,2'])
// A third that numbers a later change of kunde-1 as row 2 again: another row under a known id.
const east = file('east.csv', ['kunde-1,carla,2021-03-01T00:00:00Z,2'])

const importInto = async (store: EventStore, paths: ReadonlyArray<string>): Promise<{ summary: MigrationSummary; problems: string[] }> => {
  const problems: string[] = []
  const done = await migrate(
    paths.map((path) => ({ format: 'ownership-csv' as const, path })),
    { store, tenantId: 't1', importedBy: 'migration', onProblem: (p) => problems.push(`${p.file}:${p.line}:${p.field}:${p.code}`) },
  )
  if (E.isLeft(done)) throw done.left
  return { summary: done.right, problems }
}

describe('row ids reused across files', () => {
  it('imports the histories of both accounts in one run, and a rerun in the other order adds nothing', async () => {
    const store = inMemoryEventStore()
    const first = await importInto(store, [north, south])
    expect(first.problems).toEqual([])
    expect(first.summary.accounts).toMatchObject({ recorded: 2, skipped: 0 })
    expect(ownerAt(await eventsOf(store, 'kunde-1'), at('2021-01-01T00:00:00Z'))).toBe('ben')
    expect(ownerAt(await eventsOf(store, 'kunde-2'), at('2021-01-01T00:00:00Z'))).toBe('dora')
    const again = await importInto(store, [south, north])
    expect(again.problems).toEqual([])
    expect(again.summary).toMatchObject({ events: 0, accounts: { recorded: 0, alreadyImported: 2, skipped: 0 } })
  })

  it('completes a file imported after another that used its row ids, and its rerun', async () => {
    const store = inMemoryEventStore()
    expect((await importInto(store, [north])).summary.accounts.recorded).toBe(1)
    const second = await importInto(store, [south])
    expect(second.problems).toEqual([])
    expect(second.summary.accounts.recorded).toBe(1)
    const kunde2 = await eventsOf(store, 'kunde-2')
    expect(ownerAt(kunde2, at('2021-01-01T00:00:00Z'))).toBe('dora')
    // The command id still names the source row; the event id is the store's, unique across accounts.
    expect(kunde2.map((e) => e.metadata.commandId)).toContain('csv:2')
    const rerun = await importInto(store, [south])
    expect(rerun.summary).toMatchObject({ events: 0, accounts: { alreadyImported: 1 } })
    expect(ownerAt(await eventsOf(store, 'kunde-1'), at('2021-01-01T00:00:00Z'))).toBe('ben')
  })

  it('reports a row id of one account naming two rows, in one run and against an earlier run, and completes', async () => {
    const store = inMemoryEventStore()
    const together = await importInto(store, [north, east])
    expect(together.problems).toEqual(['east.csv:2:row_id:duplicate-id'])
    const kunde1 = await eventsOf(store, 'kunde-1')
    // The other order stages east.csv's row 2 first: the log holds row 2 as north.csv's, dated otherwise.
    const reversed = await importInto(store, [east, north])
    expect(reversed.problems.sort()).toEqual(['east.csv:2:row_id:duplicate-id', 'north.csv:3:row_id:duplicate-id'])
    expect(reversed.summary).toMatchObject({ events: 0, accounts: { alreadyImported: 1 } })
    expect(await eventsOf(store, 'kunde-1')).toEqual(kunde1)
  })

  it('reports an account whose event id the store holds in another stream, and imports the rest', async () => {
    const memory = inMemoryEventStore()
    // A store that has an event of kunde-2's first row elsewhere already (a log written by other means).
    const store: EventStore = {
      ...memory,
      append: (streamId, events, options) =>
        streamId === 'account-kunde-2' ? Promise.resolve(E.left(new DuplicateEventError(events[1]!.metadata.eventId, streamId))) : memory.append(streamId, events, options),
    }
    const run = await importInto(store, [north, south])
    expect(run.problems).toEqual(['south.csv:2:row_id:duplicate-id'])
    expect(run.summary.accounts).toMatchObject({ recorded: 1, skipped: 1 })
    expect(await eventsOf(memory, 'kunde-2')).toEqual([])
    expect((await importInto(store, [north, south])).problems).toEqual(['south.csv:2:row_id:duplicate-id'])
  })
})
