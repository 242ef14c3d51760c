// Given HubSpot JSON documents spread over lines — a response page, an array, an empty page, a
// single company that is neither, a document cut off half-way — when they are read, then each
// company is handed out as soon as its object closes (before the document ends, so a document is
// never held whole), an empty page is no problem, and the others are reported with the reason.
import { migrate, type RowProblem } from '@account-ownership/crm-migration'
import { inMemoryEventStore } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { streamedDocument } from '../src/hubspot/hubspot-document.js'
import { eventsOf } from './account-log.js'

const company = (id: string, owner: string) =>
  JSON.stringify({ id, properties: { name: `Firma ${id}`, hubspot_owner_id: owner }, createdAt: '2020-01-01T00:00:00Z', propertiesWithHistory: { hubspot_owner_id: [{ value: owner, timestamp: '2020-01-02T00:00:00Z' }] } }, null, 2)

const linesOf = (text: string) => text.split('\n')

describe('a HubSpot document read as it streams', () => {
  it.each([
    ['a response page', (cs: string[]) => `{\n"results": [\n${cs.join(',\n')}\n],\n"paging": { "next": { "after": "3" } }\n}`, 'results'],
    ['an array of companies', (cs: string[]) => `[\n${cs.join(',\n')}\n]`, ''],
  ])('hands out each company of %s when its object closes, before the document ends', (_, documentOf, prefix) => {
    const lines = linesOf(documentOf([company('1', '11'), company('2', '12'), company('3', '13')]))
    const document = streamedDocument(lines[0]!.charAt(0))
    const seen: string[] = []
    lines.forEach((line, i) => {
      document.write(line)
      for (const c of document.take()) seen.push(`${i}:${c.path}:${(c.company as { id: string }).id}`)
    })
    expect(document.end()).toEqual({ ok: true })
    const closing = lines.map((l, i) => [l, i] as const).filter(([l]) => l === '}' || l === '},').map(([, i]) => i)
    // The first company is out at the line that closes it, long before the last line.
    expect(seen).toEqual([0, 1, 2].map((k) => `${closing[k]}:${prefix}[${k}]:${k + 1}`))
    expect(closing[0]!).toBeLessThan(lines.length - 3)
  })

  it('takes an empty page as a page', () => {
    const document = streamedDocument('{')
    for (const line of ['{', '  "results": [],', '  "paging": {}', '}']) document.write(line)
    expect(document.take()).toEqual([])
    expect(document.end()).toEqual({ ok: true })
  })

  it('reports a document that is neither a page nor an array, and one cut off half-way', () => {
    const single = streamedDocument('{')
    for (const line of linesOf(company('1', '11'))) single.write(line)
    expect(single.end()).toEqual({ ok: false, reason: 'holds neither { "results": [...] } nor an array of companies' })
    const keyed = streamedDocument('{')
    for (const line of ['{ "results": {', `"a": ${company('1', '11')}`, '} }']) keyed.write(line)
    expect(keyed.take()).toEqual([])
    expect(keyed.end()).toEqual({ ok: false, reason: 'holds neither { "results": [...] } nor an array of companies' })
    const cut = streamedDocument('[')
    for (const line of linesOf(`[\n${company('1', '11')},\n${company('2', '12')}`).slice(0, -4)) cut.write(line)
    expect(cut.take().map((c) => c.path)).toEqual(['[0]'])
    const ended = cut.end()
    expect(ended.ok).toBe(false)
    expect(!ended.ok && ended.reason).toContain('is neither JSON nor JSON Lines')
  })
})

describe('a HubSpot document cut off half-way, imported', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-hubspot-document-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('imports the companies it holds whole and reports the file', async () => {
    const path = join(dir, 'companies.json')
    writeFileSync(path, `{\n"results": [\n${company('801', '11')},\n${company('802', '12')},\n{ "id": "803", "properties": {`)
    const store = inMemoryEventStore()
    const problems: RowProblem[] = []
    const done = await migrate([{ format: 'hubspot-companies', path }], { store, tenantId: 't1', importedBy: 'migration', onProblem: (p) => problems.push(p) })
    if (E.isLeft(done)) throw done.left
    expect(problems.map((p) => `${p.file}:${p.line}:${p.field}:${p.code}`)).toEqual(['companies.json:1:(file):malformed'])
    expect((await eventsOf(store, '801')).length).toBeGreaterThan(0)
    expect((await eventsOf(store, '802')).length).toBeGreaterThan(0)
    expect(await eventsOf(store, '803')).toEqual([])
  })
})
