/**
 * The large event log the projection benchmarks read: SQLite event store files of `accounts ×
 * 50` events written through `openSqliteEventStore`, kept in the system's temporary directory
 * and reused between runs (the name carries the size, the generator's version and the store's
 * schema version). Run as a
 * script it writes one file, so that generating never counts towards a benchmark's peak RSS.
 *
 * Each account: opened, assigned, then 12 rounds of a transfer, a grant, a reclassification
 * and a revocation — 28 % of events change the owner, 54 % touch the current owner row.
 *
 * @module
 */
import { spawnSync } from 'node:child_process'
import { existsSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { accountStream, type AccountId, type NewEvent } from '@account-ownership/core'
import { knownSchemaVersion, openSqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'

export const eventsPerAccount = 50
const principals = 200
const epoch = Date.UTC(2020, 0, 1)
const hour = 3600_000
const reasons = ['hunter-to-farmer', 'territory-change', 'workload-balancing', 'reclassification'] as const

/** The business time of event `k` of account `a`: accounts interleave, each moves an hour per event. */
export const occurredAt = (a: number, k: number): string => new Date(epoch + k * hour + a * 1000).toISOString()

const owner = (a: number, round: number): string => `p-${(a * 7 + round * 13) % principals}`

const accountEvents = (a: number): NewEvent[] => {
  const accountId = `kunde-${a}`
  const events: Array<{ type: string; data: Record<string, unknown> }> = [
    { type: 'AccountOpened', data: { accountId, tenantId: 'acme-de', displayName: `Kunde ${a} GmbH`, tier: 'standard', openedBy: 'dora' } },
    { type: 'OwnershipAssigned', data: { accountId, ownerId: owner(a, 0), assignedBy: 'dora' } },
  ]
  for (let r = 1; r <= 12; r++) {
    const grantId = `grant-${r}`
    const k = events.length
    events.push(
      { type: 'OwnershipTransferred', data: { accountId, fromOwnerId: owner(a, r - 1), toOwnerId: owner(a, r), reasonCode: reasons[r % reasons.length], transferredBy: 'dora', keepsTeam: true } },
      {
        type: 'AccessGranted',
        data: { accountId, grantId, granteeId: `p-${(a + r) % principals}`, scope: 'read', purpose: 'customer-support', legalBasis: 'art6-1-b-contract', grantedBy: 'dora', validFrom: occurredAt(a, k + 1), expiresAt: occurredAt(a, k + 1 + 24 * 30) },
      },
      { type: 'AccountClassified', data: { accountId, tier: r % 2 === 0 ? 'standard' : 'high-value', score: r, criteria: ['umsatz'], classifiedBy: 'dora' } },
      { type: 'AccessRevoked', data: { accountId, grantId, revokedBy: 'dora', reason: 'no-longer-needed' } },
    )
  }
  return events.map((e, k) => ({
    ...e,
    metadata: {
      eventId: `evt-${a}-${k}`,
      occurredAt: occurredAt(a, k),
      actor: { principalId: 'dora' },
      tenantId: 'acme-de',
      correlationId: `corr-${a}-${k}`,
      causationId: `corr-${a}-${k}`,
      commandId: `cmd-${a}-${k}`,
    },
  })) as unknown as NewEvent[]
}

const write = async (path: string, accounts: number): Promise<void> => {
  const db = new Database(path)
  const opened = openSqliteEventStore({ database: db })
  if (opened._tag === 'Left') throw opened.left
  // Only for writing the fixture: the benchmark measures reads, and an fsync per append would
  // make generating a million events take minutes.
  db.pragma('synchronous = OFF')
  for (let a = 0; a < accounts; a++) {
    const appended = await opened.right.append(accountStream(`kunde-${a}` as AccountId), accountEvents(a), { expectedVersion: 'no-stream' })
    if (appended._tag === 'Left') throw appended.left
  }
  await opened.right.close()
  db.pragma('wal_checkpoint(TRUNCATE)')
  // A closed log, as the store's own close() leaves one: the auditor's mode then reads it in place.
  db.pragma('journal_mode = DELETE')
  db.close()
}

/** The path of a log of `accounts × 50` events, written by a child process if not there yet. */
export const eventLog = (accounts: number): string => {
  const path = join(tmpdir(), `ao-bench-projections-v1-schema${knownSchemaVersion}-${accounts * eventsPerAccount}.db`)
  if (!existsSync(path)) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), `${path}.tmp`, String(accounts)], { stdio: 'inherit' })
    if (run.status !== 0) throw new Error(`writing the event log failed with exit code ${run.status}`)
    renameSync(`${path}.tmp`, path)
  }
  return path
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [path, accounts] = process.argv.slice(2)
  rmSync(path!, { force: true })
  await write(path!, Number(accounts))
}
