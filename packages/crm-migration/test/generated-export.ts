// A Salesforce export of `count` accounts, made deterministically from a seed (no two runs of a
// test differ): a few owner changes each, some to a queue, history rows interleaved across accounts.
import { accountHeader, accountRow, historyHeader, historyRows, salesforceIdOf, type GeneratedAccount } from '@account-ownership/crm-migration/testing'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

const random = (seed: number) => () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)

export const generatedAccounts = (count: number, seed = 7): ReadonlyArray<GeneratedAccount> => {
  const next = random(seed)
  const owner = () => (next() < 0.1 ? salesforceIdOf('00G', 1 + Math.floor(next() * 3)) : salesforceIdOf('005', 1 + Math.floor(next() * 40)))
  return Array.from({ length: count }, (_, i) => {
    const createdAt = Date.UTC(2014, 0, 1) + Math.floor(next() * 3000) * 86_400_000
    const initialOwner = owner()
    const changes: Array<{ at: number; to: string; by: string }> = []
    let current = initialOwner
    let at = createdAt
    for (let c = Math.floor(next() * 7); c > 0; c--) {
      at += (1 + Math.floor(next() * 200)) * 86_400_000
      const to = owner()
      if (to === current || (to.startsWith('00G') && current.startsWith('00G'))) continue
      changes.push({ at, to, by: salesforceIdOf('005', 99) })
      current = to
    }
    return { id: salesforceIdOf('001', i + 1), name: `Kunde ${i + 1}, GmbH`, createdAt, initialOwner, changes }
  })
}

export const writeGeneratedExport = (dir: string, accounts: ReadonlyArray<GeneratedAccount>): { accounts: string; history: string } => {
  let row = 1
  const perAccount = accounts.map((a) => {
    const rows = historyRows(a, row)
    row += rows.length
    return rows
  })
  // Row k of every account, then row k + 1: the export is not grouped by account.
  const interleaved: string[] = []
  for (let k = 0; perAccount.some((rows) => k < rows.length); k++) for (const rows of perAccount) if (k < rows.length) interleaved.push(rows[k]!)
  const paths = { accounts: join(dir, 'Account.csv'), history: join(dir, 'AccountHistory.csv') }
  writeFileSync(paths.accounts, [accountHeader, ...accounts.map(accountRow)].join('\r\n') + '\r\n')
  writeFileSync(paths.history, [historyHeader, ...interleaved].join('\r\n') + '\r\n')
  return paths
}
