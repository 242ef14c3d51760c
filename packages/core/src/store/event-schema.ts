/**
 * Schema versions of event payloads and their upcasting. An event is written in the current
 * version of its type; an older stored payload is lifted step by step (v1 → v2 → …) when it is
 * read, so decisions and projections only ever see the current shape. The log itself is never
 * rewritten.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { upcastFreeTextPurpose } from '../account/access/free-text-purpose.js'

/**
 * Lifts a payload of one schema version to the next.
 * @category store
 * @since 0.1.0
 */
export type Upcaster = (data: unknown) => unknown

/**
 * For each event type, the upcaster from each old version to the next one.
 * @category store
 * @since 0.1.0
 * @example
 * // v1 of AccountOpened had no tier; v2 defaults it.
 * const schema = eventSchema({ AccountOpened: { 1: (d) => ({ ...(d as object), tier: 'standard' }) } })
 * schema.currentVersion('AccountOpened') // 2
 */
export type Upcasters = Readonly<Record<string, Readonly<Record<number, Upcaster>>>>

/**
 * The schema versions the store writes and reads.
 * @category store
 * @since 0.1.0
 */
export interface EventSchema {
  /** The version new events of this type are written in; 1 for a type that never changed. */
  readonly currentVersion: (type: string) => number
  /**
   * Lift a stored payload to the current version, or say why it cannot be. At the current
   * version it answers the payload as it is: a reader may take a row at its type's current
   * version as stored without asking (the SQLite store's read-ahead does, on another thread).
   */
  readonly upcast: (type: string, version: number, data: unknown) => E.Either<string, unknown>
}

/**
 * An event schema from its upcasters.
 * @category store
 * @since 0.1.0
 */
export const eventSchema = (upcasters: Upcasters = {}): EventSchema => {
  // Asked once per event read: worked out once per type.
  const versions = new Map<string, number>()
  const currentVersion = (type: string): number => {
    let version = versions.get(type)
    if (version === undefined) {
      const steps = Object.keys(upcasters[type] ?? {}).map(Number)
      version = steps.length === 0 ? 1 : Math.max(...steps) + 1
      versions.set(type, version)
    }
    return version
  }
  return {
    currentVersion,
    upcast: (type, version, data) => {
      const target = currentVersion(type)
      if (!Number.isInteger(version) || version < 1) return E.left(`schema version ${version} is not a version`)
      if (version > target) return E.left(`schema version ${version} of ${type} is newer than this library knows (${target})`)
      let lifted = data
      for (let v = version; v < target; v++) {
        const step = upcasters[type]?.[v]
        if (step === undefined) return E.left(`no upcaster of ${type} from version ${v}`)
        lifted = step(lifted)
      }
      return E.right(lifted)
    },
  }
}

/**
 * The schema of this release: `AccessGranted` is at version 2 (a purpose code and a note in
 * place of free text, since 0.3.0), every other event type at version 1.
 * @category store
 * @since 0.1.0
 */
export const currentSchema: EventSchema = eventSchema({ AccessGranted: { 1: upcastFreeTextPurpose } })
