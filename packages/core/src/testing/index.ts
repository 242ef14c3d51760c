/**
 * @account-ownership/core/testing — the test kit: the event store contract suite, given/when/then
 * for deciders, fast-check arbitraries of commands and command sequences, and shared fixtures.
 *
 * @module
 */
export { eventStoreContract, type StoreContractSubject } from './store-contract.js'
export { acceptedAppendArbitrary, acceptedEventArbitrary, arbitraryOf, streamOfEvent, withUniqueEventIds } from './accepted-events.js'
export { filteredReadContract } from './filtered-read.js'
export { checkRoundTrip, roundTripContract } from './round-trip.js'
export { account, cast, commandContext, decisionContext, epoch, newEvent, openedAccountEvents, steppingClock, tenant, testPolicy } from './fixtures.js'
export { spec, type Spec, type Then, type When } from './given-when-then.js'
export {
  accessScopeArbitrary,
  accountCommandArbitraries,
  accountCommandArbitrary,
  accountIdArbitrary,
  anyPools,
  archiveReasonArbitrary,
  grantIdArbitrary,
  idOf,
  instantArbitrary,
  legalBasisArbitrary,
  orphanReasonArbitrary,
  policyArbitrary,
  principalIdArbitrary,
  purposeCodeArbitrary,
  reasonCodeArbitrary,
  revocationReasonArbitrary,
  stakeholderIdArbitrary,
  stakeholderRoleArbitrary,
  teamRoleArbitrary,
  tenantIdArbitrary,
  textArbitrary,
  tierArbitrary,
  transferIdArbitrary,
  unknownReasonCodeArbitrary,
  wordOf,
  type CommandPools,
} from './arbitraries.js'
export {
  commandSequenceArbitrary,
  recordedEvents,
  runCommandSequence,
  type CommandSequence,
  type CommandSequenceOptions,
  type CommandStep,
  type DecidedStep,
} from './command-sequences.js'
export { offboardingHistoryArbitrary, type HistoryStep, type OffboardingHistory } from './offboarding-histories.js'
export { invalidCommandArbitrary, invalidCommandsArbitrary, invalidMessageArbitrary, type InvalidCommand, type InvalidCommandProblem } from './invalid-commands.js'
