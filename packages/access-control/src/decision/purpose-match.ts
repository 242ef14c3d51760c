/**
 * Purpose limitation (Zweckbindung, Art. 5(1)(b) DSGVO): a grant covers a request only for the
 * purpose it was given for. The one place purposes are compared.
 *
 * @module
 */
import type { AccessAction, AccessScope } from '@account-ownership/core'

/**
 * Whether a grant given for the purpose code `granted` covers a request for `requested`: the
 * codes of the policy are compared exactly (the grant's free-text note plays no part).
 * @category decisions
 * @since 0.3.0
 */
export const purposeCovers = (granted: string, requested: string): boolean => granted === requested

/**
 * Whether a grant of `scope` lets its grantee do `action`: a read grant reads only.
 * @category decisions
 * @since 0.3.0
 */
export const scopeCovers = (scope: AccessScope, action: AccessAction): boolean => scope === 'read-write' || action === 'read'
