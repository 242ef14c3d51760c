import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { scratchDir } from './scratch-dir.js'

const scratch = scratchDir('options')

// The open error's problems by field, or a failure of the test.
const refusedFields = (options: unknown): string[] => {
  const opened = openSqliteEventStore(options as never)
  if (E.isRight(opened)) throw new Error('the options were accepted')
  expect(opened.left).toMatchObject({ _tag: 'SqliteOpenError', reason: 'invalid-options' })
  return opened.left.problems.map((p) => p.field)
}

describe('the options of opening a store', () => {
  it.each<[string, unknown, string]>([
    ['null', null, 'options'],
    ['a path on its own', 'kunden.db', 'options'],
    ['neither path nor database', {}, 'path'],
    ["readonly: 'true' (a string)", { path: scratch.file('a.db'), readonly: 'true' }, 'readonly'],
    ["path: '' (SQLite's private temporary database)", { path: '' }, 'path'],
    ['a blank path', { path: '   ' }, 'path'],
    ["path: ':memory:'", { path: ':memory:' }, 'path'],
    ['a path with NUL', { path: join(scratch.dir, 'kunden.db\u0000.bak') }, 'path'],
    ['a path with leading spaces', { path: ` ${join(scratch.dir, 'kunden.db')}` }, 'path'],
    ['a path that is a number', { path: 42 }, 'path'],
    ['a negative busy timeout', { path: scratch.file('b.db'), busyTimeoutMs: -1 }, 'busyTimeoutMs'],
    ['a fractional busy timeout', { path: scratch.file('c.db'), busyTimeoutMs: 1.5 }, 'busyTimeoutMs'],
    ['a busy timeout as text', { path: scratch.file('d.db'), busyTimeoutMs: '100' }, 'busyTimeoutMs'],
    ['a clock that is no function', { path: scratch.file('e.db'), clock: '2026-01-01' }, 'clock'],
    ['a database that is no connection', { database: { path: 'kunden.db' } }, 'database'],
    ['groupCommit: true (on is the default; the bounds are an object)', { path: scratch.file('f.db'), groupCommit: true }, 'groupCommit'],
    ['groupCommit as text', { path: scratch.file('g.db'), groupCommit: 'fast' }, 'groupCommit'],
    ['a negative wait of a group', { path: scratch.file('h.db'), groupCommit: { maxWaitMicros: -1 } }, 'groupCommit.maxWaitMicros'],
    ['a fractional wait of a group', { path: scratch.file('i.db'), groupCommit: { maxWaitMicros: 0.5 } }, 'groupCommit.maxWaitMicros'],
    ['a wait of a group above a second', { path: scratch.file('j.db'), groupCommit: { maxWaitMicros: 1_000_001 } }, 'groupCommit.maxWaitMicros'],
    ['a group of no appends', { path: scratch.file('k.db'), groupCommit: { maxAppends: 0 } }, 'groupCommit.maxAppends'],
    ['a group size as text', { path: scratch.file('l.db'), groupCommit: { maxAppends: '64' } }, 'groupCommit.maxAppends'],
    ['readAhead: true (on is the default; the bounds are an object)', { path: scratch.file('ra-1.db'), readAhead: true }, 'readAhead'],
    ['readAhead as a number', { path: scratch.file('ra-2.db'), readAhead: 100_000 }, 'readAhead'],
    ['a negative span to read ahead from', { path: scratch.file('ra-3.db'), readAhead: { minEvents: -1 } }, 'readAhead.minEvents'],
    ['a span to read ahead from as text', { path: scratch.file('ra-4.db'), readAhead: { minEvents: '10k' } }, 'readAhead.minEvents'],
    ['reading no events ahead', { path: scratch.file('ra-5.db'), readAhead: { events: 0 } }, 'readAhead.events'],
    ['reading a fraction of an event ahead', { path: scratch.file('ra-6.db'), readAhead: { events: 2.5 } }, 'readAhead.events'],
  ])('refuses %s with a typed error naming the field, and creates no file', (_, options, field) => {
    const before = readdirSync(scratch.dir)
    expect(refusedFields(options)).toContain(field)
    expect(readdirSync(scratch.dir)).toEqual(before)
  })

  it('refuses both a path and a database', () => {
    const db = new Database(':memory:')
    expect(refusedFields({ path: scratch.file(), database: db })).toEqual(['path'])
    db.close()
  })

  it('reports every problem at once', () => {
    expect(refusedFields({ path: '', readonly: 1, busyTimeoutMs: Number.NaN, schema: 'v2' })).toEqual(['path', 'readonly', 'busyTimeoutMs', 'schema'])
  })

  it('never repeats the value it refuses', () => {
    const opened = openSqliteEventStore({ path: join(scratch.dir, 'Erika Mustermann\u0000.db'), readonly: 'Erika Mustermann' as never, busyTimeoutMs: 123456789012 })
    expect(E.isLeft(opened)).toBe(true)
    const message = E.isLeft(opened) ? `${opened.left.message} ${JSON.stringify(opened.left.problems)}` : ''
    expect(message).not.toMatch(/Erika|123456789012/)
    expect(existsSync(join(scratch.dir, 'Erika Mustermann'))).toBe(false)
  })

  it('answers any malformed options with a typed error, never a throw (property)', () => {
    const badPath = fc.oneof(fc.constantFrom('', ' ', '\t', ':memory:', 'x\u0000y', ' lead.db'), fc.anything().filter((u) => typeof u !== 'string' && u !== undefined))
    fc.assert(
      fc.property(
        fc.record({ path: badPath, readonly: fc.anything(), busyTimeoutMs: fc.anything(), clock: fc.anything(), schema: fc.anything() }, { requiredKeys: ['path'] }),
        (options) => {
          const before = readdirSync(scratch.dir)
          const fields = refusedFields(options)
          expect(fields).toContain('path')
          expect(readdirSync(scratch.dir)).toEqual(before)
        },
      ),
      { numRuns: 300 },
    )
  })
})
