// Quickstart: one key account (Schlüsselkunde) from opening to archive — owner assigned,
// time-limited access granted on a legal basis, a four-eyes transfer from hunter to farmer —
// kept in an embedded SQLite file (the default store). It ends with the question an auditor
// asks: who owned the account on a past day, who could access its data then, and why.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { accountCommandHandler, accountStream, defaultPolicy, type AccountCommandInput, type AccountId, type EventStore } from '@account-ownership/core'
import { accessAt, ownerAt, projectionRuntime, readModelProjections, type ReadModels } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import type { Kysely } from 'kysely'

const dora = 'dora' // sales director (admin, approves transfers)
const hanna = 'hanna' // hunter: won the customer
const felix = 'felix' // farmer: grows the customer from now on
const sven = 'sven' // support engineer
const accountId = 'kunde-4711'

// Who did what, and when it happened in business terms (occurredAt), in the order it happened.
const story: ReadonlyArray<readonly [actor: string, occurredAt: string, command: AccountCommandInput]> = [
  [dora, '2026-01-12T09:00:00Z', { type: 'OpenAccount', data: { accountId, tenantId: 'acme-de', displayName: 'Müller Maschinenbau GmbH', tier: 'key' } }],
  [dora, '2026-01-12T09:05:00Z', { type: 'AssignOwner', data: { accountId, ownerId: hanna } }],
  [hanna, '2026-01-20T10:00:00Z', {
    type: 'GrantAccess',
    data: { accountId, grantId: 'grant-1', granteeId: sven, scope: 'read', purpose: 'customer-support', purposeNote: 'Support-Ticket 4711', legalBasis: 'art6-1-b-contract', expiresAt: '2026-02-19T10:00:00Z' },
  }],
  [hanna, '2026-02-02T08:00:00Z', { type: 'TransferOwnership', data: { accountId, transferId: 'transfer-1', toOwnerId: felix, reasonCode: 'hunter-to-farmer' } }],
  [dora, '2026-02-03T14:00:00Z', { type: 'ApproveTransfer', data: { accountId, transferId: 'transfer-1' } }],
  [felix, '2026-06-30T17:00:00Z', { type: 'ArchiveAccount', data: { accountId, reason: 'churned' } }],
]

/** Any error on the way, as the value it came as: every one has a tag and a message. */
export interface QuickstartError {
  readonly _tag: string
  readonly message: string
}

/** Records the story (again: a second run finds each command done), then answers for `day`. */
export const runQuickstart = async (store: EventStore, db: Kysely<ReadModels>, day: string, log: (line: string) => void = console.log): Promise<E.Either<QuickstartError, void>> => {
  const accounts = accountCommandHandler({ store, policy: { ...defaultPolicy, admins: [dora] } })
  for (const [i, [actor, occurredAt, command]] of story.entries()) {
    const handled = await accounts.handle(command, { commandId: `quickstart-${i + 1}`, actor, occurredAt, tenantId: 'acme-de' })
    if (E.isLeft(handled)) return handled
  }

  log(`History of ${accountId}:`)
  for await (const event of store.readStream(accountStream(accountId as AccountId))) {
    const { streamVersion, occurredAt, actor } = event.metadata
    log(`  v${streamVersion}  ${occurredAt}  ${event.type.padEnd(26)} by ${actor.principalId}`)
  }

  const caughtUp = await projectionRuntime({ store, db, projections: readModelProjections }).runUntilCaughtUp()
  if (E.isLeft(caughtUp)) return caughtUp
  const owner = await ownerAt(db, accountId, day)
  if (E.isLeft(owner)) return owner
  const access = await accessAt(db, accountId, day)
  if (E.isLeft(access)) return access

  const period = owner.right
  log(period === null
    ? `On ${day} nobody owned ${accountId}.`
    : `On ${day} ${accountId} was owned by ${period.ownerId} (since ${period.from}, ${period.beganWith} by ${period.actorId}${period.reasonCode === null ? '' : `, reason ${period.reasonCode}`}).`)
  log('Who could access its data then, and why:')
  for (const reason of access.right) {
    log(reason.via === 'owner' ? `  ${reason.principalId.padEnd(6)} as owner since ${reason.since}`
      : reason.via === 'team' ? `  ${reason.principalId.padEnd(6)} on the team (${reason.role}) since ${reason.since}`
      : `  ${reason.principalId.padEnd(6)} through ${reason.grant.grantId}: "${reason.grant.purpose}", ${reason.grant.legalBasis}, granted by ${reason.grant.grantedBy}, until ${reason.grant.expiresAt ?? 'revoked'}`)
  }
  return E.right(undefined)
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const dir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'quickstart-'))
  const day = process.argv[3] ?? '2026-01-28T12:00:00Z'
  const opened = openSqliteEventStore({ path: join(dir, 'kunden.db') })
  if (E.isLeft(opened)) {
    console.error(`${opened.left._tag}: ${opened.left.message}`)
    process.exit(1)
  }
  const db = sqliteReadModels(join(dir, 'read-models.db'))
  const outcome = await runQuickstart(opened.right, db, day)
  await db.destroy()
  await opened.right.close()
  if (E.isLeft(outcome)) {
    console.error(`${outcome.left._tag}: ${outcome.left.message}`)
    process.exit(1)
  }
  console.log(`The log is kept in ${join(dir, 'kunden.db')}, the read models in ${join(dir, 'read-models.db')}.`)
}
