/**
 * HubSpot companies as its CRM API returns them with
 * `propertiesWithHistory=hubspot_owner_id`: each company's `id`, `properties` (`name`,
 * `hubspot_owner_id`, `createdate`) and the owner's history, a list of
 * `{ value, timestamp, sourceType, sourceId, updatedByUserId }`, newest first. A file holds one
 * response page (`{ "results": [...] }`), an array of companies, or one company per line (JSON
 * Lines, which is how a big export streams). An empty value means nobody owns it from then on.
 *
 * @module
 */
import { AccountId, PrincipalId } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { crmInstant } from '../crm-instant.js'
import type { ReadObserver } from '../csv-records.js'
import { nobody, type OwnershipChange, type OwnerRef, type SourceItem } from '../owner-change.js'
import { rowProblem, type RowPlace, type RowProblem } from '../row-problem.js'
import { streamedDocument, type DocumentCompany, type StreamedDocument } from './hubspot-document.js'

type Json = Readonly<Record<string, unknown>>
const isObject = (u: unknown): u is Json => typeof u === 'object' && u !== null && !Array.isArray(u)
const text = (u: unknown): string => (typeof u === 'string' ? u.trim() : typeof u === 'number' && Number.isFinite(u) ? String(u) : '')
const ownerOf = (u: unknown): OwnerRef => (text(u) === '' ? nobody : { kind: 'person', id: text(u) })
/* HubSpot writes ISO strings; older exports wrote milliseconds since the epoch. */
const instantOf = (u: unknown): E.Either<string, number> => (typeof u === 'number' ? (Number.isFinite(u) ? E.right(u) : E.left('is not a time')) : crmInstant(text(u)))

/* One company: its account, its owner changes oldest first, and the problems of its fields (`path` names where it sits). */
const companyItems = (company: unknown, place: RowPlace, path: string): { items: SourceItem[]; problems: RowProblem[] } => {
  const problems: RowProblem[] = []
  const at = (field: string) => (path === '' ? field : `${path}.${field}`)
  if (!isObject(company)) return { items: [], problems: [rowProblem('malformed', place, path === '' ? '(row)' : path, 'is not a company object')] }
  const accountId = text(company['id'])
  if (!AccountId.is(accountId)) return { items: [], problems: [rowProblem(accountId === '' ? 'missing' : 'invalid-id', place, at('id'), 'is not a company id')] }
  const properties = isObject(company['properties']) ? company['properties'] : {}
  const created = instantOf(company['createdAt'] ?? properties['createdate'])
  if (E.isLeft(created)) problems.push(rowProblem('unparseable-date', place, at('createdAt'), created.left))
  const current = ownerOf(properties['hubspot_owner_id'])
  if (current.kind === 'person' && !PrincipalId.is(current.id)) problems.push(rowProblem('invalid-id', place, at('properties.hubspot_owner_id'), 'is not an owner id'))
  const history = isObject(company['propertiesWithHistory']) ? company['propertiesWithHistory']['hubspot_owner_id'] : []
  const entries = Array.isArray(history) ? history : []
  const changes: OwnershipChange[] = []
  entries.forEach((entry: unknown, i) => {
    const field = at(`propertiesWithHistory.hubspot_owner_id[${i}]`)
    if (!isObject(entry)) return problems.push(rowProblem('malformed', place, field, 'is not a history entry'))
    const when = instantOf(entry['timestamp'])
    const to = ownerOf(entry['value'])
    const by = text(entry['updatedByUserId'])
    if (E.isLeft(when)) return problems.push(rowProblem('unparseable-date', place, `${field}.timestamp`, when.left))
    if (to.kind === 'person' && !PrincipalId.is(to.id)) return problems.push(rowProblem('invalid-id', place, `${field}.value`, 'is not an owner id'))
    changes.push({
      accountId,
      kind: 'owner',
      at: when.right,
      from: null,
      to,
      changedBy: PrincipalId.is(by) ? by : null,
      reason: null,
      key: `hubspot:company:${accountId}:hubspot_owner_id:${when.right}`,
      pairKey: null,
      place,
    })
  })
  if (E.isLeft(created) || (current.kind === 'person' && !PrincipalId.is(current.id))) return { items: [], problems }
  const name = text(properties['name'])
  const account: SourceItem = {
    _tag: 'account',
    account: { accountId, displayName: name === '' ? accountId : name, currentOwner: current, createdAt: created.right, ownerSince: null, listed: true, place, fields: { id: at('id'), owner: at('properties.hubspot_owner_id') }, system: 'hubspot' },
  }
  return { items: [account, ...changes.map((change): SourceItem => ({ _tag: 'change', change }))], problems }
}

/* The companies of a document on one line: a response page or an array. */
const documentCompanies = (document: unknown): { companies: ReadonlyArray<unknown>; path: string } | null =>
  Array.isArray(document) ? { companies: document, path: '' } : isObject(document) && Array.isArray(document['results']) ? { companies: document['results'], path: 'results' } : null

/**
 * The companies and owner changes of a HubSpot JSON file at `path`, reported as `file`.
 * @category hubspot
 * @since 0.3.0
 */
export async function* hubspotCompanies(path: string, file: string, observer: ReadObserver): AsyncGenerator<SourceItem> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }).on('data', (c) => observer.bytesRead?.(Buffer.byteLength(c))), crlfDelay: Infinity })
  let document: StreamedDocument | null = null
  let lineNumber = 0
  // A document's companies are told apart by their place in it; the line is the document's first.
  const companiesOf = function* (companies: ReadonlyArray<DocumentCompany>, line: number): Generator<SourceItem> {
    for (const { company, path: where } of companies) {
      observer.rowRead()
      const { items, problems } = companyItems(company, { file, line }, where)
      problems.forEach(observer.problem)
      yield* items
    }
  }
  try {
    for await (const raw of lines) {
      lineNumber++
      const line = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw
      if (document !== null) {
        document.write(line)
        yield* companiesOf(document.take(), 1)
        continue
      }
      if (line.trim() === '') continue
      let parsed: unknown
      try {
        parsed = JSON.parse(line)
      } catch {
        // Not one company per line: a document spread over lines, parsed as it streams.
        if (lineNumber === 1 || line.trimStart().startsWith('{') === false) {
          document = streamedDocument(line.trimStart().charAt(0))
          document.write(line)
          yield* companiesOf(document.take(), 1)
          continue
        }
        observer.rowRead()
        observer.problem(rowProblem('malformed', { file, line: lineNumber }, '(row)', 'is not a JSON object'))
        continue
      }
      const whole = documentCompanies(parsed)
      yield* companiesOf(whole === null ? [{ company: parsed, path: '' }] : whole.companies.map((company, i) => ({ company, path: `${whole.path}[${i}]` })), lineNumber)
    }
  } catch (e) {
    observer.problem(rowProblem('malformed', { file, line: 0 }, '(file)', (e as { code?: string }).code === 'ENOENT' ? 'cannot be read: no such file' : 'cannot be read'))
    return
  }
  if (document === null) return
  const ended = document.end()
  yield* companiesOf(document.take(), 1)
  if (!ended.ok) observer.problem(rowProblem('malformed', { file, line: 1 }, '(file)', ended.reason))
}
