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
