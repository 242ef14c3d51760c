// What an npm user gets. Every publishable package is packed as `pnpm publish` packs it; its
// manifest must point into dist, name no workspace range and ask for Node 22 or newer. Then a
// SQLite user's install: the tarballs of core, store-sqlite, projections, dsgvo and crm-migration
// with better-sqlite3, installed by plain npm into an empty folder — no pg, no @types/pg —
// type-checks and runs a small app (app/sqlite-app.ts) and a CRM import (app/crm-app.ts). The PostgreSQL user's install is in
// postgres-only.integration.test.ts.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { importsIn, npmConsumer, packed, publishable, runNode, typeCheck } from './packed-install.js'

interface Manifest {
  readonly name: string
  readonly engines?: { readonly node?: string }
  readonly exports: Record<string, { readonly types: string; readonly default: string }>
}

const tarballs = packed(publishable)
// The PostgreSQL key store loads no pg at run time (it takes the caller's pool), so it imports here too.
const sqliteEntryPoints = ['core', 'store-sqlite', 'projections', 'projections/sqlite', 'dsgvo', 'dsgvo/sqlite', 'dsgvo/postgres', 'crm-migration'].map((p) => `@account-ownership/${p}`)

describe('packed packages, as npm publishes them', () => {
  it.each(publishable)('%s: exports point into dist and exist, no workspace range, Node 22 or newer', (name) => {
    const listing = execFileSync('tar', ['tzf', tarballs.get(name)!], { encoding: 'utf8' }).split('\n')
    const manifest = JSON.parse(execFileSync('tar', ['xzOf', tarballs.get(name)!, 'package/package.json'], { encoding: 'utf8' })) as Manifest
    expect(manifest.engines?.node).toBe('>=22')
    expect(JSON.stringify(manifest)).not.toContain('workspace:')
    for (const entry of Object.values(manifest.exports)) {
      expect(entry.types).toMatch(/^\.\/dist\/.*\.d\.ts$/)
      expect(entry.default).toMatch(/^\.\/dist\/.*\.js$/)
      expect(listing).toContain(`package/${entry.types.slice(2)}`)
      expect(listing).toContain(`package/${entry.default.slice(2)}`)
    }
  })
})

describe('a SQLite user: core, store-sqlite, projections, dsgvo, crm-migration and better-sqlite3, installed by npm', { timeout: 300_000 }, () => {
  const consumer = npmConsumer(
    'sqlite',
    ['core', 'store-sqlite', 'projections', 'dsgvo', 'crm-migration'].map((name) => tarballs.get(name)!),
    ['better-sqlite3@^13', '@types/node@^24'],
  )

  it('has neither pg nor its types installed', () => {
    expect(existsSync(join(consumer, 'node_modules', 'better-sqlite3'))).toBe(true)
    expect(existsSync(join(consumer, 'node_modules', 'pg'))).toBe(false)
    expect(existsSync(join(consumer, 'node_modules', '@types', 'pg'))).toBe(false)
  })

  it('imports every entry point but the PostgreSQL read models, which name the missing pg', () => {
    const imported = importsIn(consumer, [...sqliteEntryPoints, '@account-ownership/projections/postgres'])
    for (const specifier of sqliteEntryPoints) expect({ specifier, ...imported[specifier] }).toEqual({ specifier, exports: expect.any(Number) })
    expect(imported['@account-ownership/projections/postgres']).toMatchObject({ code: 'ERR_MODULE_NOT_FOUND', message: expect.stringContaining("'pg'") })
  })

  it('type-checks an app against the installed declaration files, which need no pg types', () => {
    expect(typeCheck(consumer, ['story.ts', 'sqlite-app.ts', 'crm-app.ts'])).toBe('')
  })

  it('runs the app: read models and audit tables in one SQLite file, answered by both packages, the log read ahead as on one thread', () => {
    const run = runNode(consumer, ['out/sqlite-app.js', consumer])
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout)).toEqual({
      eventsProjected: 4,
      ownerOn14February: 'hanna',
      hannaOwned: [['2026-01-05T09:01:00.000Z', '2026-03-01T08:00:00.000Z']],
      erikaAsHeld: ['Erika Mustermann'],
      // The published worker file starts from dist and reads what one thread reads.
      readAhead: { notices: ['started'], sameEvents: true },
    })
  })

  it('runs a HubSpot import: the JSON document streamed by the installed parser, the history recorded oldest first', () => {
    const run = runNode(consumer, ['out/crm-app.js', consumer])
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout)).toEqual({
      types: ['AccountOpened', 'OwnershipAssigned', 'OwnershipTransferred'],
      accounts: { recorded: 1, resumed: 0, alreadyImported: 0, skipped: 0 },
    })
  })
})
