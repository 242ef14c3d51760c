/**
 * @account-ownership/core/testing — the test kit: the event store contract suite, given/when/then
 * for deciders, fast-check arbitraries of commands and command sequences, and shared fixtures.
 *
 * @module
 */
export { eventStoreContract, type StoreContractSubject } from './store-contract.js'
export { account, cast, commandContext, decisionContext, epoch, newEvent, openedAccountEvents, steppingClock, tenant, testPolicy } from './fixtures.js'
