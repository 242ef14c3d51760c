/**
 * @account-ownership/dsgvo — data protection (Datenschutz, DSGVO/GDPR) for the account-ownership
 * log: personal data encrypted per data subject, erasure (Löschung) by destroying keys, a
 * tamper-evident hash chain, retention periods (Aufbewahrungsfristen), and the audit read model
 * with the subject report (Auskunftsrecht, Art. 15) and the record of processing (Verzeichnis
 * von Verarbeitungstätigkeiten, Art. 30). This entry point loads no database driver: the key
 * stores are in `@account-ownership/dsgvo/sqlite` (better-sqlite3) and `/postgres` (pg).
 *
 * @module
 */
export { accountSubject, parseSubject, principalSubject, stakeholderSubject, subjectOf, type SubjectKind } from './subject/subject-id.js'
export { KeyStoreUnavailableError, type KeyStore, type SubjectKey } from './keys/key-store.js'
export {
  fileKeyEncryptionKeys,
  secretKeyEncryptionKey,
  unwrapKey,
  wrapKey,
  type KeyEncryptionKey,
  type KeyEncryptionKeys,
} from './keys/key-encryption-keys.js'
export { keyWrapping, type KeyWrapping, type Rotation, type StoredSubjectKey } from './keys/key-wrapping.js'
export { destroySubjectKeys, type SubjectKeyRows, type SubjectKeyTable } from './keys/destroy-subject-keys.js'
export { erasedMarker, open, parseEnvelope, seal, type Envelope, type ValuePlace } from './personal-data/envelope.js'
export { defaultPersonalFields, personalSubjectOf, personalValuesOf, type PersonalFields, type PersonalFieldsOf } from './personal-data/personal-fields.js'
export { encryptingEventStore, type EncryptingEventStoreOptions } from './personal-data/encrypting-event-store.js'
export { AlreadyErasedError, ErasureNotRecordedError, UnknownSubjectError, erase, type ErasureError, type ErasureRequest } from './erasure/erase.js'
export { defaultRetentionPolicy, recordKindOf, retentionUntil, type RecordKind, type RetentionPolicy } from './retention/retention-policy.js'
export { retentionReport, type AccountWithoutPeriod, type RetainedAccount, type RetentionReport } from './retention/retention.queries.js'
export { defaultProcessingPurposes, type Processing, type ProcessingPurposes } from './audit/processing-purposes.js'
export {
  auditTableNames,
  createAuditTables,
  type AccessPeriodTable,
  type AuditAccountTable,
  type AuditTables,
  type ErasureTable,
  type OffboardingTable,
  type PrincipalRoleTable,
  type SourceColumns,
  type StakeholderMentionTable,
} from './audit/audit.table.js'
export { auditProjection, type AuditProjectionOptions } from './audit/audit.projection.js'
export type { AccessPeriod, Erasure, Offboarding, PrincipalRole, Source, StakeholderMention } from './audit/audit-rows.js'
export { subjectReport, type HeldMention, type SubjectReport } from './audit/subject-report.queries.js'
export { accountRecords, type HeldAccountRecord } from './audit/account-records.js'
export type { HeldPrincipalRecord } from './audit/principal-records.js'
export { libraryMeasures, type ControllerConfiguration, type Party, type ThirdCountryTransfer } from './audit/controller.js'
export { subjectDisclosure, type Recipient, type SubjectDisclosure } from './audit/subject-disclosure.queries.js'
export { disclosureDocument } from './audit/disclosure-document.js'
export { recordOfProcessing, type ProcessingActivity, type RecordOfProcessing } from './audit/record-of-processing.queries.js'
export { accessReview, type AccessReview } from './audit/access-review.queries.js'
export { ChainBrokenError, verifyChain, type ChainBreakReason, type ChainLog, type ChainSource, type RawStoredRow, type StreamHead, type VerifiedChain, type VerifyOptions } from './chain/verify-chain.js'
export { sealOf, type Seal } from './chain/seal.js'
export { emptyRoot, leafHash, MerkleRoot, nodeHash, rightEdgeOf, splitPoint, type Digest, type MerkleNode } from './transparency/merkle-hash.js'
export { consistencyPath, inclusionPath, verifyConsistency, verifyInclusion, type SubtreeRoot } from './transparency/merkle-proofs.js'
export { createMerkleTables, type MerkleNodeTable, type MerkleTables, type TreeHeadTable } from './transparency/merkle.table.js'
export { checkTreeHead, InvalidTreeHeadError, signTreeHead, TreeHead, treeHeadSigner, type TreeHeadSigner, type UnsignedTreeHead } from './transparency/tree-head.js'
export { InvalidTreeInputError, TreeMismatchError, type TreeMismatchReason } from './transparency/tree-errors.js'
export { storedTreeHeads } from './transparency/tree-rows.js'
export { syncTree, takeTreeHead, type SyncedTree, type SyncTreeOptions, type TreeError, type TreeHeadSchedule } from './transparency/merkle-tree.js'
export { checkConsistency, checkInclusion, proveConsistency, proveInclusion, type ConsistencyProof, type InclusionProof } from './transparency/tree-proofs.js'
export { verifyTree, type VerifiedTree, type VerifyTreeOptions } from './transparency/verify-tree.js'
