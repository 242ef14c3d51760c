/**
 * A key-encryption key that is missing, damaged or not given where the keys are wrapped is the
 * caller's to fix: the usage error of `--kek`, naming the input at fault. It may come as the key
 * store's own error (an erasure) or as the cause of a read that failed on it (a report read
 * through the decrypting store).
 *
 * @module
 */
import { UsageError } from '../exit-code.js'

/**
 * The usage error of `--kek` for a failure whose key-store error (itself or its cause) names a field.
 * @category cli
 * @since 0.3.0
 */
export const kekProblemOf = (e: unknown): UsageError | undefined => {
  for (let at = e; typeof at === 'object' && at !== null; at = (at as { cause?: unknown }).cause) {
    const { _tag, field, reason } = at as { _tag?: unknown; field?: unknown; reason?: unknown }
    if (_tag === 'KeyStoreUnavailableError' && typeof field === 'string') return new UsageError('--kek', `${field}: ${String(reason)}`)
  }
  return undefined
}
