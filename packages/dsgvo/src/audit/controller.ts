/**
 * What only the controller (Verantwortlicher) knows, for the Art. 30 record and the Art. 15
 * report: who it is, its data protection officer (Datenschutzbeauftragter), the supervisory
 * authority (Aufsichtsbehörde), transfers to third countries and their safeguards, and its own
 * technical and organisational measures. Configuration, not code — the log cannot know it.
 *
 * @module
 */

/**
 * A party named in the record: a name and how to reach it.
 * @category audit
 * @since 0.2.0
 */
export interface Party {
  readonly name: string
  readonly contact: string
}

/**
 * A transfer of personal data to a third country or an international organisation (Art. 30(1)(e), Art. 46).
 * @category audit
 * @since 0.2.0
 */
export interface ThirdCountryTransfer {
  readonly country: string
  readonly recipient: string
  /** The safeguard: adequacy decision, standard contractual clauses, binding corporate rules … */
  readonly safeguard: string
}

/**
 * The controller's own facts.
 * @category audit
 * @since 0.2.0
 */
export interface ControllerConfiguration {
  readonly controller: Party
  readonly representative?: Party
  readonly dataProtectionOfficer?: Party
  readonly supervisoryAuthority?: Party
  readonly thirdCountryTransfers?: ReadonlyArray<ThirdCountryTransfer>
  /** Measures of the controller beyond the library's own (access control of the servers, backups, training …). */
  readonly measures?: ReadonlyArray<string>
}

/**
 * What the library itself does to protect the data it keeps (Art. 30(1)(g), Art. 32).
 * @category audit
 * @since 0.2.0
 */
export const libraryMeasures: ReadonlyArray<string> = [
  'Personal data in events encrypted per data subject (AES-256-GCM); erasure by destroying the subject key (crypto-shredding)',
  'Ids carry no personal data (refused at the codecs), so erasure needs no rewrite of the log',
  'Append-only event log; every event hash-chained in its stream (SHA-256 over the stored bytes)',
  'Merkle tree over the whole log with signed tree heads (Ed25519), inclusion and consistency proofs (RFC 9162)',
  'Access only by the owner, the account team or a time-limited grant with purpose and legal basis; grants reviewed (access review)',
  'Every fact recorded with actor, business time and record time; replayable by an auditor in a read-only mode that writes nothing',
]
