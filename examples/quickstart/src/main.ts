// Quickstart: one key account from opening to archive — owner assigned, time-limited access
// granted on a legal basis, a four-eyes transfer from hunter to farmer — then its history, all
// kept in an embedded SQLite file (the default store).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import {
  AccountId,
  accountCommandHandler,
  accountStream,
  defaultPolicy,
  type AccountCommandInput,
  type EventStore,
} from '@account-ownership/core'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'

const dora = 'dora' // sales director (admin, approves transfers)
const hanna = 'hanna' // hunter: won the customer
const felix = 'felix' // farmer: grows the customer from now on
const sven = 'sven' // support engineer

export const runQuickstart = async (store: EventStore, log: (line: string) => void = console.log): Promise<void> => {
  const accounts = accountCommandHandler({ store, policy: { ...defaultPolicy, admins: [dora] } })
  let step = 0
  const send = async (actor: string, command: AccountCommandInput) => {
    const result = await accounts.handle(command, { commandId: `quickstart-${++step}`, actor, tenantId: 'acme-de' })
    if (E.isLeft(result)) throw new Error(`${command.type} refused: ${result.left.message}`)
  }
  const accountId = 'kunde-4711'
  const inAWeek = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString()

  await send(dora, { type: 'OpenAccount', data: { accountId, tenantId: 'acme-de', displayName: 'Müller Maschinenbau GmbH', tier: 'key' } })
  await send(dora, { type: 'AssignOwner', data: { accountId, ownerId: hanna } })
  await send(hanna, {
    type: 'GrantAccess',
    data: { accountId, grantId: 'grant-1', granteeId: sven, scope: 'read', purpose: 'Support-Ticket 4711', legalBasis: 'art6-1-b-contract', expiresAt: inAWeek },
  })
  await send(hanna, { type: 'TransferOwnership', data: { accountId, transferId: 'transfer-1', toOwnerId: felix, reasonCode: 'hunter-to-farmer' } })
  await send(dora, { type: 'ApproveTransfer', data: { accountId, transferId: 'transfer-1' } })
  await send(felix, { type: 'ArchiveAccount', data: { accountId, reason: 'churned' } })

  log(`History of ${accountId}:`)
  for await (const event of store.readStream(accountStream(accountId as AccountId))) {
    const { streamVersion, occurredAt, actor } = event.metadata
    log(`  v${streamVersion}  ${occurredAt}  ${event.type.padEnd(26)} by ${actor.principalId}`)
  }
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const path = process.argv[2] ?? join(mkdtempSync(join(tmpdir(), 'quickstart-')), 'kunden.db')
  const store = E.getOrElseW((e: Error) => {
    throw e
  })(openSqliteEventStore({ path }))
  await runQuickstart(store)
  await store.close()
  console.log(`The log is kept in ${path}.`)
}
