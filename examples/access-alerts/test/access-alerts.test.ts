// The access-alerts example: Sven's access six days before his grant expires, Felix's access after
// he left and Sven's night-time write attempt each raise an alert; the script prints them.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AccessAlert } from '@account-ownership/access-control'
import { inMemoryEventStore } from '@account-ownership/core'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import * as E from 'fp-ts/lib/Either.js'
import { expect, it } from 'vitest'
import { watchAccess, type Tables } from '../src/access-alerts.js'

it('calls the security desk back with an alert for access near expiry, by the offboarded principal and outside working hours', async () => {
  const db = sqliteReadModels<Tables>(':memory:')
  const alerts: AccessAlert[] = []
  expect(await watchAccess(inMemoryEventStore(), db, (alert) => void alerts.push(alert))).toEqual(E.right(undefined))
  expect(alerts.map((a) => [a.kind, a.principalId, a.to])).toEqual([
    ['near-expiry-access', 'sven', '2026-03-10T09:15:00.000Z'],
    ['offboarded-access', 'felix', '2026-03-10T09:20:00.000Z'],
    ['out-of-hours-access', 'sven', '2026-03-10T22:40:00.000Z'],
  ])
  await db.destroy()
})

it('runs as a script on SQLite files and prints the alerts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'access-alerts-test-'))
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../src/access-alerts.ts'), dir], { encoding: 'utf8' })
    expect(out.trim().split('\n')).toEqual([
      'ALERT near-expiry-access  2026-03-10T09:15:00.000Z  read of kunde-1 under grant g-sven, which expires at 2026-03-16T00:00:00.000Z (within 7 days)',
      'ALERT offboarded-access  2026-03-10T09:20:00.000Z  read of kunde-1 by felix, offboarded at 2026-03-06T17:00:00.000Z (denied)',
      'ALERT out-of-hours-access  2026-03-10T22:40:00.000Z  write of kunde-1 by sven outside working hours (Europe/Berlin) (denied)',
    ])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
