// A Salesforce export of `count` made-up accounts (the same for the same seed), history rows
// interleaved across accounts, written to `dir`.
import { accountHeader, accountRow, historyHeader, interleavedHistoryRows, madeUpHistories, type GeneratedAccount } from '@account-ownership/crm-migration/testing'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const generatedAccounts = (count: number, seed = 7): ReadonlyArray<GeneratedAccount> => {
  const histories = madeUpHistories(seed)
  return Array.from({ length: count }, () => histories.next().value as GeneratedAccount)
}

export const writeGeneratedExport = (dir: string, accounts: ReadonlyArray<GeneratedAccount>): { accounts: string; history: string } => {
  const paths = { accounts: join(dir, 'Account.csv'), history: join(dir, 'AccountHistory.csv') }
  writeFileSync(paths.accounts, [accountHeader, ...accounts.map(accountRow)].join('\r\n') + '\r\n')
  writeFileSync(paths.history, [historyHeader, ...interleavedHistoryRows(accounts, 1)].join('\r\n') + '\r\n')
  return paths
}
