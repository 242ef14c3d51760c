/**
 * @account-ownership/core — account ownership (Kundenverantwortung) and access as an
 * append-only event log: the domain, its policies, the event store port and the command handler.
 * No I/O.
 *
 * @module
 */
export { AccountId, CommandId, CorrelationId, EventId, GrantId, PrincipalId, StakeholderId, SubjectId, TenantId, TransferId, idAlphabet, maxIdLength } from './ids.js'
export { Instant, instantOf, millisOf, plusMillis, systemClock, type Clock } from './instant.js'
export { AccessScope, ArchiveReason, ErasureGround, LegalBasis, OrphanReason, RevocationReason, StakeholderRole, TeamRole, Tier } from './vocabulary.js'
export { EmailAddress, Name, NonEmptyText, maxEmailLength, maxFreeTextLength, maxNameLength, textOf } from './text.js'
export { Count, FiniteNumber } from './quantity.js'
export { boundedList, maxListLength, type BoundedListC } from './bounded-list.js'
export { leastRecentlyUsed, type LeastRecentlyUsed } from './least-recently-used.js'
export { erasedMarker, maxSealedLength, personalText } from './personal-text.js'
export { describeValue, forbiddenCharacterIn } from './value-description.js'
export { Policy, PurposeCode, ReasonCode, defaultPolicy, freeTextPurposeCode, knownReasonCodes, offboardingReasonCode } from './policy.js'
export { allProblems, decodeByType, decodeWith, firstProblem, problemsOf, showProblems, type FieldProblem, type FieldProblems } from './field-problem.js'
export { domainError, invalidCommand, invalidCommandOf, type DomainError, type InvalidCommandError } from './domain-error.js'
export { message, type Command, type Event } from './event.js'
export { fold, type Decider } from './decider.js'
export { TaggedError } from './tagged-error.js'
export { DomainEvent, decodeDomainEvent, domainEventCodecs, type DomainEventType } from './domain-event.js'

export { AccountOpened, AccountArchived, AccountRestored } from './account/lifecycle/lifecycle-events.js'
export {
  OwnershipAssigned,
  OwnershipTransferRequested,
  OwnershipTransferApproved,
  OwnershipTransferRejected,
  OwnershipTransferred,
  AccountOrphaned,
} from './account/ownership/ownership-events.js'
export { AccessGranted, AccessRevoked, AccessExpired } from './account/access/access-events.js'
export { TeamMemberAdded, TeamMemberRemoved } from './account/team/team-events.js'
export { StakeholderMapped, StakeholderRemoved } from './account/stakeholders/stakeholder-events.js'
export { AccountClassified } from './account/classification/classification-events.js'
export { AccountEvent } from './account/account-event.js'

export { OpenAccount, ArchiveAccount, RestoreAccount } from './account/lifecycle/lifecycle-commands.js'
export { AssignOwner, TransferOwnership, ApproveTransfer, RejectTransfer, OrphanAccount, HandOverAccount } from './account/ownership/ownership-commands.js'
export { GrantAccess, RevokeAccess, RecordAccessExpiry } from './account/access/access-commands.js'
export { AddTeamMember, RemoveTeamMember } from './account/team/team-commands.js'
export { MapStakeholder, RemoveStakeholder } from './account/stakeholders/stakeholder-commands.js'
export { ClassifyAccount } from './account/classification/classification-commands.js'
export { AccountCommand, decodeAccountCommand } from './account/account-command.js'

export type { AccountError, AccountErrorTag } from './account/account-errors.js'
export { accessibleParts, hasAccess, spanHolds, type AccessiblePart, type Span } from './account/access/could-access.js'
export { initialAccountState, ownerOf, type AccountState, type Grant, type OpenedAccount, type Ownership, type PendingTransfer } from './account/account-state.js'
export type { DecisionContext } from './account/decision-context.js'
export { isAdmin, notOffboarded } from './account/account-guards.js'
export { principalsNamed } from './account/principals-named.js'
export { handoverEvents, handOverTheOffboarded } from './account/ownership/decide-handover.js'
export { allowedExpiry } from './account/access/decide-access.js'
export { upcastFreeTextPurpose } from './account/access/free-text-purpose.js'
export { evolve } from './account/evolve.js'
export { decide } from './account/decide.js'
export { accountDecider } from './account/account-decider.js'

export { PrincipalOffboarded, PrincipalEvent } from './offboarding/principal-events.js'
export { OffboardPrincipal, PrincipalCommand } from './offboarding/principal-commands.js'
export { principalDecider, type PrincipalError, type PrincipalState } from './offboarding/principal-decider.js'
export { PersonalDataErased, SubjectEvent } from './subject/subject-events.js'
export { AccessAction, AccessAlertRaised, AccessControlEvent, AccessDecided, AccessDecisionReason, AlertKind, GrantReviewed } from './access-log/access-log-events.js'
export { scanAccountIndex, type AccountIndex } from './offboarding/account-index.js'
export {
  activeSuccessor,
  nobodyOffboarded,
  offboardedAmong,
  offboardingsWithSuccessors,
  storePrincipalDirectory,
  type Offboarding,
  type OffboardingLookup,
  type PrincipalDirectory,
} from './offboarding/principal-directory.js'
export { handOver, handoverCommand, type HandoverOutcome } from './offboarding/handover.js'

export { StreamId, accountStream, principalStream, streamFamily, subjectStream, type StreamIdBrand } from './store/stream-id.js'
export { nextVersion, satisfies, showVersion, type ExpectedVersion, type StreamVersion } from './store/expected-version.js'
export { Actor, EventMetadata, type NewEvent, type RecordedEvent, type RecordedMetadata } from './store/recorded-event.js'
export {
  ConcurrencyError,
  CorruptEventError,
  DuplicateEventError,
  InvalidStoreInputError,
  StoreUnavailableError,
  isStoreError,
  type AppendError,
  type ReadError,
  type StoreError,
} from './store/store-errors.js'
export { currentSchema, eventSchema, type EventSchema, type Upcaster, type Upcasters } from './store/event-schema.js'
export {
  defaultBatchSize,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type PositionModel,
  type ReadAllOptions,
  type ReadStreamOptions,
} from './store/event-store.js'
export {
  checkEvents,
  decodeStoredEvent,
  decodesAsStored,
  storedRowProblem,
  maxEventBytes,
  prepareEvents,
  recordedEventOf,
  serializeEvent,
  type CheckedEvent,
  type PreparedEvent,
  type StoredEvent,
} from './store/stored-event.js'
export { chainHash, chainHashes, genesisHash, type ChainedFields } from './store/event-chain.js'
export { checkAppend, checkReadAll, checkReadStream } from './store/store-input.js'
export { checkLink, verifiedEvents } from './store/verified-read.js'
export { pagesOf, readAllPages } from './store/read-all-pages.js'
export { classifyRepeat } from './store/repeated-append.js'
export { checkImport, type ImportError, type ImportResult, type ImportingEventStore, type StoredEventImport, type StreamTip } from './store/stored-import.js'
export { CopyMismatchError, copyLog, type CopyLogError, type CopyLogOptions, type CopyReport } from './store/copy-log.js'
export { inMemoryEventStore, type InMemoryEventStoreOptions } from './store/in-memory-event-store.js'

export { CommandContext } from './command-handler/command-context.js'
export { defaultMaxAheadOfClock, notAheadOfClock, notBeforeLastEvent, occurredBeforeLastEvent, type OccurredBeforeLastEventError, type OccurredInFutureError } from './command-handler/business-time.js'
export { commandHandler, type CommandContextInput, type CommandHandler, type CommandHandlerConfig, type HandleError, type Handled } from './command-handler/command-handler.js'
export { accountCommandHandler, principalCommandHandler, type AccountCommandInput, type DomainHandlerConfig, type PrincipalCommandInput } from './command-handler/account-command-handler.js'
export { InvalidHandlerConfigError } from './command-handler/handler-config-error.js'
export { timeOrderedEventId } from './command-handler/time-ordered-event-id.js'
export type { StateCacheOptions } from './command-handler/stream-state-cache.js'
