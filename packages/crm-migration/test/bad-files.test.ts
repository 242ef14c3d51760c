// Given files that break their format — a record with more fields than the header, an unclosed
// quote, UTF-16 instead of UTF-8, a missing column, a missing file, a JSON Lines file with a bad
// line — when they are imported, then each problem names file, line and field, and every row
// around it is still imported. Options an import cannot start with are refused by name.
import { inMemoryEventStore } from '@account-ownership/core'
import { migrate, type MigrationSource, type RowProblem } from '@account-ownership/crm-migration'
import * as E from 'fp-ts/lib/Either.js'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { eventsOf } from './account-log.js'

const dir = mkdtempSync(join(tmpdir(), 'crm-bad-files-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const file = (name: string, content: string | Buffer): string => {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}
const header = 'account_id,owner_id,changed_at,changed_by,reason\n'

const imported = async (sources: ReadonlyArray<MigrationSource>) => {
  const store = inMemoryEventStore()
  const problems: RowProblem[] = []
  const done = await migrate(sources, { store, tenantId: 't1', importedBy: 'migration', onProblem: (p) => problems.push(p) })
  if (E.isLeft(done)) throw done.left
  return { store, problems: problems.map((p) => `${p.file}:${p.line}:${p.field}:${p.code}`), summary: done.right }
}

describe('files that break their format', () => {
  it('reports a record with too many fields and an unclosed quote, and imports the rows around them', async () => {
    const path = file('broken.csv', `${header}k-1,anna,2020-01-01T00:00:00Z,,\nk-2,ben,2020-01-01T00:00:00Z,,,surplus\nk-3,carla,2020-01-01T00:00:00Z,,\nk-4,"dora,2020-01-01T00:00:00Z,,\n`)
    const { store, problems, summary } = await imported([{ format: 'ownership-csv', path }])
    expect(problems).toEqual(['broken.csv:3:(row):malformed', 'broken.csv:5:(row):malformed'])
    expect((await eventsOf(store, 'k-1')).length).toBe(2)
    expect((await eventsOf(store, 'k-3')).length).toBe(2)
    expect(summary.rowsRead).toBe(4)
  })

  it('reports a UTF-16 file once, on line 1', async () => {
    const path = file('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${header}k-1,anna,2020-01-01T00:00:00Z,,\n`, 'utf16le')]))
    expect((await imported([{ format: 'ownership-csv', path }])).problems).toEqual(['utf16.csv:1:(file):encoding'])
  })

  it('reports a column named twice in the header on line 1, and imports nothing of that file', async () => {
    const path = file('twice.csv', 'account_id,owner_id,changed_at,changed_by,reason,owner_id\nk-1,anna,2020-01-01T00:00:00Z,,,otto\n')
    const { store, problems } = await imported([{ format: 'ownership-csv', path }])
    expect(problems).toEqual(['twice.csv:1:owner_id:malformed'])
    expect(await eventsOf(store, 'k-1')).toEqual([])
  })

  it('reports a missing column on line 1, also in a file without rows', async () => {
    const path = file('no-time.csv', 'account_id,owner_id\n')
    expect((await imported([{ format: 'ownership-csv', path }])).problems).toEqual(['no-time.csv:1:changed_at:missing'])
  })

  it('reports a file that cannot be read and goes on with the others', async () => {
    const good = file('good.csv', `${header}k-9,anna,2020-01-01T00:00:00Z,,\n`)
    const { store, problems } = await imported([
      { format: 'ownership-csv', path: join(dir, 'absent.csv') },
      { format: 'ownership-csv', path: good },
    ])
    expect(problems).toEqual(['absent.csv:0:(file):malformed'])
    expect((await eventsOf(store, 'k-9')).length).toBe(2)
  })

  it('reads HubSpot companies one per line and reports a bad line by its number', async () => {
    const company = (id: string, owner: string) =>
      JSON.stringify({ id, properties: { name: `Firma ${id}`, hubspot_owner_id: owner }, createdAt: '2020-01-01T00:00:00Z', propertiesWithHistory: { hubspot_owner_id: [{ value: owner, timestamp: '2020-01-02T00:00:00Z' }] } })
    const path = file('companies.jsonl', `${company('701', '11')}\n{"id": "702", "properties": \n${company('703', '12')}\n`)
    const { store, problems } = await imported([{ format: 'hubspot-companies', path }])
    expect(problems).toEqual(['companies.jsonl:2:(row):malformed'])
    expect((await eventsOf(store, '703')).map((e) => e.type)).toEqual(['AccountOpened', 'OwnershipAssigned'])
  })
})

describe('options an import cannot start with', () => {
  const store = inMemoryEventStore()
  const one = [{ format: 'ownership-csv', path: 'x.csv' }] as const
  it.each([
    ['sources', [], { store, tenantId: 't1', importedBy: 'migration' }],
    ['sources.format', [{ format: 'sap', path: 'x.csv' }], { store, tenantId: 't1', importedBy: 'migration' }],
    ['tenantId', one, { store, tenantId: 'Acme GmbH', importedBy: 'migration' }],
    ['importedBy', one, { store, tenantId: 't1', importedBy: '' }],
    ['tier', one, { store, tenantId: 't1', importedBy: 'migration', tier: 'gold' }],
  ] as const)('refuses a bad %s by name', async (field, sources, options) => {
    const done = await migrate(sources as never, options)
    expect(E.isLeft(done) && done.left._tag === 'MigrationOptionError' ? done.left.field : undefined).toBe(field)
  })
})
