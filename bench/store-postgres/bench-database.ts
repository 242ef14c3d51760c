/**
 * A database of its own for the PostgreSQL benchmarks on the server at 127.0.0.1:5432 (user
 * postgres), dropped when the benchmark ends, and the event the benchmarks append (built here
 * rather than with the test kit, which would load vitest).
 *
 * @module
 */
import type { NewEvent } from '@account-ownership/core'
import pg from 'pg'

/** The server the benchmarks use. */
export const server = { host: '127.0.0.1', port: 5432, user: 'postgres' } as const

/** Create a database named after `purpose`; answers its connection settings and how to drop it. */
export const benchDatabase = async (purpose: string) => {
  const database = `ao_bench_${purpose}_${process.pid}`
  const admin = new pg.Client({ ...server, database: 'postgres' })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${database}`)
  return {
    connection: { ...server, database },
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
      await admin.end()
    },
  }
}

/** An `AccountClassified` event of account `accountId` with event id `eventId`. */
export const classifiedEvent = (accountId: string, eventId: string, score: number): NewEvent =>
  ({
    type: 'AccountClassified',
    data: { accountId, tier: 'standard', score, criteria: ['umsatz'], classifiedBy: 'dora' },
    metadata: {
      eventId,
      occurredAt: '2026-03-12T09:00:00.000Z',
      actor: { principalId: 'dora' },
      tenantId: 'acme-de',
      correlationId: `corr-${eventId}`,
      causationId: `corr-${eventId}`,
      commandId: `cmd-${eventId}`,
    },
  }) as unknown as NewEvent

/** A whole number with thousands separators. */
export const whole = (x: number): string => Math.round(x).toLocaleString('en-US')

/** The `q`-quantile of `xs` (nearest rank). */
export const quantile = (xs: ReadonlyArray<number>, q: number): number => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}
