/**
 * Where the event log (Ereignisprotokoll) lives, named by a URL-like text: `sqlite:./ownership.db`
 * (a bare path means SQLite too), `postgres://user@host/db`, `esdb://host:2113`. The default is
 * the SQLite file `./ownership.db`; the environment variable `ACCOUNT_OWNERSHIP_STORE` overrides it.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { UsageError } from '../exit-code.js'

/**
 * A store named on the command line.
 * @category store
 * @since 0.2.0
 */
export type StoreUrl =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'esdb'; readonly url: string }

/**
 * The store used when none is named.
 * @category store
 * @since 0.2.0
 */
export const defaultStoreUrl = 'sqlite:./ownership.db'

/**
 * The environment variable that names the store when `--store` does not.
 * @category store
 * @since 0.2.0
 */
export const storeEnvironmentVariable = 'ACCOUNT_OWNERSHIP_STORE'

const schemes: ReadonlyArray<readonly [RegExp, StoreUrl['kind']]> = [
  [/^postgres(ql)?:\/\/./, 'postgres'],
  [/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\/./, 'esdb'],
]

/**
 * The store a text names, or a `UsageError` naming `field` (never echoing the text, which may
 * hold a password).
 * @category store
 * @since 0.2.0
 * @example
 * parseStoreUrl('sqlite:./kunden.db', '--store') // Right({ kind: 'sqlite', path: './kunden.db' })
 */
export const parseStoreUrl = (text: string, field: string): E.Either<UsageError, StoreUrl> => {
  if (text.length === 0) return E.left(new UsageError(field, 'is empty; expected sqlite:<file>, postgres://… or esdb://…'))
  if (text.includes('\0')) return E.left(new UsageError(field, 'contains a NUL character'))
  for (const [pattern, kind] of schemes) if (pattern.test(text)) return E.right({ kind, url: text } as StoreUrl)
  const path = text.startsWith('sqlite:') ? text.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '') : text
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return E.left(new UsageError(field, 'names an unknown kind of store; expected sqlite:<file>, postgres://… or esdb://…'))
  if (path.length === 0) return E.left(new UsageError(field, 'names no file; expected sqlite:<file>'))
  return E.right({ kind: 'sqlite', path })
}
