/**
 * `@account-ownership/crm-migration/testing` — CRM exports made from a known history, for the
 * property tests and the benchmark of an import.
 *
 * @module
 */
export { accountHeader, accountRow, historyHeader, historyRows, interleavedHistoryRows, madeUpHistories, salesforceIdOf, type GeneratedAccount, type GeneratedOwner } from './salesforce-export.js'
