/**
 * @account-ownership/dsgvo — data protection (Datenschutz, DSGVO/GDPR) for the account-ownership
 * log: personal data encrypted per data subject, erasure (Löschung) by destroying keys, a
 * tamper-evident hash chain, retention periods (Aufbewahrungsfristen), and the audit read model
 * with the subject report (Auskunftsrecht, Art. 15) and the record of processing (Verzeichnis
 * von Verarbeitungstätigkeiten, Art. 30).
 *
 * @module
 */
export { parseSubject, principalSubject, stakeholderSubject, subjectOf, type SubjectKind } from './subject/subject-id.js'
export { KeyStoreUnavailableError, type KeyStore, type SubjectKey } from './keys/key-store.js'
export { sqliteKeyStore } from './keys/sqlite-key-store.js'
export { postgresKeyStore } from './keys/postgres-key-store.js'
export { erasedMarker, open, parseEnvelope, seal, type Envelope, type ValuePlace } from './personal-data/envelope.js'
export { defaultPersonalFields, personalSubjectOf, type PersonalFields, type PersonalFieldsOf } from './personal-data/personal-fields.js'
export { encryptingEventStore, type EncryptingEventStoreOptions } from './personal-data/encrypting-event-store.js'
export { ErasureNotRecordedError, erase, type ErasureError, type ErasureRequest } from './erasure/erase.js'
export { defaultRetentionPolicy, recordKindOf, retentionUntil, type RecordKind, type RetentionPolicy } from './retention/retention-policy.js'
export { retentionReport, type RetainedAccount, type RetentionReport } from './retention/retention.queries.js'
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
export { recordOfProcessing, type ProcessingActivity, type RecordOfProcessing } from './audit/record-of-processing.queries.js'
export { accessReview, type AccessReview } from './audit/access-review.queries.js'
export { ChainBrokenError, verifyChain, type ChainBreakReason, type RawStoredRow, type StreamHead, type VerifiedChain, type VerifyOptions } from './chain/verify-chain.js'
export { sealOf, type Seal } from './chain/seal.js'
