// A log written through the encrypting store by the account command handler, for the tests of
// the commands that read personal data (erase, report subject): commands handled by 'dora' (an
// admin) on 2025-01-06, keys in a SQLite key store, wrapped under a KEK file where one is given.
import { accountCommandHandler, defaultPolicy, type AccountCommandInput, type Instant } from '@account-ownership/core'
import { encryptingEventStore, fileKeyEncryptionKeys } from '@account-ownership/dsgvo'
import { sqliteKeyStore } from '@account-ownership/dsgvo/sqlite'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'

export const writeEncryptedLog = async (
  paths: { readonly log: string; readonly keys: string; readonly kek?: string },
  commands: ReadonlyArray<AccountCommandInput>,
): Promise<void> => {
  const opened = openSqliteEventStore({ path: paths.log })
  if (E.isLeft(opened)) throw opened.left
  const keys = sqliteKeyStore(new Database(paths.keys), paths.kek === undefined ? { owned: true } : { owned: true, keyEncryptionKeys: fileKeyEncryptionKeys(paths.kek) })
  const store = encryptingEventStore({ store: opened.right, keys })
  const accounts = accountCommandHandler({ store, policy: { ...defaultPolicy, admins: ['dora'] } as typeof defaultPolicy, clock: () => '2025-01-06T09:00:00.000Z' as Instant })
  for (const [step, command] of commands.entries()) {
    const handled = await accounts.handle(command, { commandId: `fixture-${step}`, actor: 'dora', tenantId: 'acme-de' })
    if (E.isLeft(handled)) throw new Error(handled.left.message)
  }
  await store.close()
  await keys.close()
}
