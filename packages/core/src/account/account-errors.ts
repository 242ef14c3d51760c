/**
 * Why an account command can be refused. One constructor per rule; the union is
 * `AccountError`.
 *
 * @module
 */
import { domainError, type DomainError, type InvalidCommandError } from '../domain-error.js'

/** The account does not exist yet. @category errors @since 0.1.0 */
export const accountNotOpened = domainError('AccountNotOpenedError')
/** The account exists already. @category errors @since 0.1.0 */
export const accountAlreadyOpened = domainError('AccountAlreadyOpenedError')
/** The command names another account than the stream holds. @category errors @since 0.1.0 */
export const accountMismatch = domainError('AccountMismatchError')
/** Archived accounts accept nothing but a restore (invariant 2). @category errors @since 0.1.0 */
export const accountArchived = domainError('AccountArchivedError')
/** Only an archived account can be restored. @category errors @since 0.1.0 */
export const accountNotArchived = domainError('AccountNotArchivedError')
/** The actor is neither the owner nor an admin, or not an admin where one is needed. @category errors @since 0.1.0 */
export const notAuthorized = domainError('NotAuthorizedError')
/** The account has an owner already; transfer it instead (invariant 1). @category errors @since 0.1.0 */
export const ownerAlreadyAssigned = domainError('OwnerAlreadyAssignedError')
/** The account has no owner to transfer from; assign one. @category errors @since 0.1.0 */
export const noOwner = domainError('NoOwnerError')
/** The new owner is the current one (invariant 3). @category errors @since 0.1.0 */
export const sameOwner = domainError('SameOwnerError')
/** The reason code is not in the policy (invariant 3). @category errors @since 0.1.0 */
export const unknownReasonCode = domainError('UnknownReasonCodeError')
/** The grant's purpose code is not in the policy. @category errors @since 0.3.0 */
export const unknownPurposeCode = domainError('UnknownPurposeCodeError')
/** The transfer id was used by an earlier transfer. @category errors @since 0.1.0 */
export const transferAlreadyExists = domainError('TransferAlreadyExistsError')
/** Another transfer awaits its decision. @category errors @since 0.1.0 */
export const transferAlreadyPending = domainError('TransferAlreadyPendingError')
/** No pending transfer has this id. @category errors @since 0.1.0 */
export const transferNotPending = domainError('TransferNotPendingError')
/** The approver is the requester or the new owner (invariant 4). @category errors @since 0.1.0 */
export const fourEyesViolation = domainError('FourEyesViolationError')
/** A grant with this id exists already. @category errors @since 0.1.0 */
export const grantAlreadyExists = domainError('GrantAlreadyExistsError')
/** No active grant has this id. @category errors @since 0.1.0 */
export const grantNotActive = domainError('GrantNotActiveError')
/** The policy demands an expiry (invariant 5). @category errors @since 0.1.0 */
export const missingExpiry = domainError('MissingExpiryError')
/** The expiry is not after the grant's start. @category errors @since 0.1.0 */
export const expiryInPast = domainError('ExpiryInPastError')
/** A grant cannot start before the instant it is given. @category errors @since 0.2.0 */
export const validFromInPast = domainError('ValidFromInPastError')
/** The grant would run longer than the policy allows (invariant 5). @category errors @since 0.1.0 */
export const grantTooLong = domainError('GrantTooLongError')
/** The grant has not reached its expiry. @category errors @since 0.1.0 */
export const grantNotExpired = domainError('GrantNotExpiredError')
/** The principal was offboarded and can no longer own, join a team or hold a grant (invariant 10). @category errors @since 0.2.0 */
export const principalOffboarded = domainError('PrincipalOffboardedError')
/** The principal is in the team already. @category errors @since 0.1.0 */
export const alreadyTeamMember = domainError('AlreadyTeamMemberError')
/** The principal is not in the team. @category errors @since 0.1.0 */
export const notTeamMember = domainError('NotTeamMemberError')
/** The stakeholder is on the account map already. @category errors @since 0.1.0 */
export const stakeholderAlreadyMapped = domainError('StakeholderAlreadyMappedError')
/** The stakeholder is not on the account map. @category errors @since 0.1.0 */
export const stakeholderNotMapped = domainError('StakeholderNotMappedError')

type ErrorOf<F> = F extends (...args: never[]) => infer R ? R : never

/**
 * Any reason an account command is refused.
 * @category errors
 * @since 0.1.0
 */
export type AccountError =
  | InvalidCommandError
  | ErrorOf<
      | typeof accountNotOpened
      | typeof accountAlreadyOpened
      | typeof accountMismatch
      | typeof accountArchived
      | typeof accountNotArchived
      | typeof notAuthorized
      | typeof ownerAlreadyAssigned
      | typeof noOwner
      | typeof sameOwner
      | typeof unknownReasonCode
      | typeof unknownPurposeCode
      | typeof transferAlreadyExists
      | typeof transferAlreadyPending
      | typeof transferNotPending
      | typeof fourEyesViolation
      | typeof grantAlreadyExists
      | typeof grantNotActive
      | typeof missingExpiry
      | typeof expiryInPast
      | typeof validFromInPast
      | typeof grantTooLong
      | typeof grantNotExpired
      | typeof principalOffboarded
      | typeof alreadyTeamMember
      | typeof notTeamMember
      | typeof stakeholderAlreadyMapped
      | typeof stakeholderNotMapped
    >

/**
 * The tag of any account error, for `thenFails(tag)` and `switch` statements.
 * @category errors
 * @since 0.1.0
 */
export type AccountErrorTag = AccountError['_tag']

export type { DomainError }
