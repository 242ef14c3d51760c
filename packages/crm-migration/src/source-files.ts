/**
 * Which reader an export file needs, told from the system it comes from and the file itself: a
 * Salesforce file whose header has `Field` is the AccountHistory, else the Account export; a
 * HubSpot file that begins with `{` or `[` is the API's JSON, else the CSV export.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { closeSync, openSync, readSync } from 'node:fs'
import type { MigrationSource, SourceFormat } from './migration.js'
import { MigrationOptionError } from './migration.js'

/**
 * The CRM systems an import reads.
 * @category migration
 * @since 0.3.0
 */
export const crmSystems = ['salesforce', 'hubspot', 'csv'] as const

/**
 * One of the CRM systems an import reads.
 * @category migration
 * @since 0.3.0
 */
export type CrmSystem = (typeof crmSystems)[number]

const firstLine = (path: string): E.Either<MigrationOptionError, string> => {
  try {
    const fd = openSync(path, 'r')
    try {
      const buffer = Buffer.alloc(4096)
      const n = readSync(fd, buffer, 0, buffer.length, 0)
      return E.right(buffer.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '')
    } finally {
      closeSync(fd)
    }
  } catch {
    return E.left(new MigrationOptionError(path, 'cannot be read'))
  }
}

const formatOf = (system: CrmSystem, head: string): SourceFormat => {
  if (system === 'csv') return 'ownership-csv'
  if (system === 'hubspot') return /^\s*[[{]/.test(head) ? 'hubspot-companies' : 'hubspot-company-export'
  return head.split(',').some((c) => c.trim().replace(/^"|"$/g, '') === 'Field') ? 'salesforce-history' : 'salesforce-accounts'
}

/**
 * The sources of `paths` exported from `system`.
 * @category migration
 * @since 0.3.0
 * @example
 * sourceFiles('salesforce', ['Account.csv', 'AccountHistory.csv'])
 */
export const sourceFiles = (system: CrmSystem, paths: ReadonlyArray<string>): E.Either<MigrationOptionError, ReadonlyArray<MigrationSource>> => {
  if (!crmSystems.includes(system)) return E.left(new MigrationOptionError('format', `expected one of ${crmSystems.join(', ')}`))
  const sources: MigrationSource[] = []
  for (const path of paths) {
    const head = firstLine(path)
    if (E.isLeft(head)) return head
    sources.push({ format: formatOf(system, head.right), path })
  }
  return E.right(sources)
}
