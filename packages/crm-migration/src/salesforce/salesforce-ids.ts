/**
 * Salesforce's record ids as owners: a user (`005…`) is a person; a queue (`00G…`) holds the
 * account for a group, so nobody is accountable for it.
 *
 * @module
 */
import { nobody, type OwnerRef } from '../owner-change.js'

/**
 * The key prefix of a queue (a `Group` record).
 * @category salesforce
 * @since 0.3.0
 */
export const queuePrefix = '00G'

/**
 * A 15- or 18-character record id.
 * @category salesforce
 * @since 0.3.0
 */
export const isSalesforceId = (s: string): boolean => /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/.test(s)

/**
 * The owner an `OwnerId` (or an owner change's value of DataType `EntityId`) names.
 * @category salesforce
 * @since 0.3.0
 */
export const salesforceOwner = (id: string): OwnerRef => (id === '' || id.startsWith(queuePrefix) ? nobody : { kind: 'person', id })
