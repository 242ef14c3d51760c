// Key-account handover (Übergabe beim Austritt): Klaus, a key account manager, leaves at the end
// of March. His offboarding names Marta as successor; the handover process manager then moves
// each account Klaus owned to her, ends the grants Klaus held and takes him off every team —
// dated when the offboarding happened, not when the process ran. The access review afterwards
// shows whether anyone's access outlived their offboarding.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sequenceS } from 'fp-ts/lib/Apply.js'
import * as E from 'fp-ts/lib/Either.js'
import {
  accountCommandHandler,
  defaultPolicy,
  handOver,
  principalCommandHandler,
  scanAccountIndex,
  type AccountCommandInput,
  type EventStore,
  type HandoverOutcome,
} from '@account-ownership/core'
import { accessReview, auditProjection, type AccessReview, type AuditTables } from '@account-ownership/dsgvo'
import { bookOfBusiness, grantsOf, ownerAt, projectionRuntime, readModelProjections, type AccessGrant, type AccountStanding, type OwnershipPeriod, type ReadModels } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import type { Kysely } from 'kysely'

const policy = { ...defaultPolicy, admins: ['dora'] } // dora: head of sales
const tenantId = 'acme-de'

// Before: Klaus owns two accounts, sits on Petra's team for a third, and holds a grant there.
const before: ReadonlyArray<readonly [actor: string, occurredAt: string, command: AccountCommandInput]> = [
  ['dora', '2026-01-05T09:00:00Z', { type: 'OpenAccount', data: { accountId: 'kunde-100', tenantId, displayName: 'Bergmann Logistik AG', tier: 'key' } }],
  ['dora', '2026-01-05T09:01:00Z', { type: 'AssignOwner', data: { accountId: 'kunde-100', ownerId: 'klaus' } }],
  ['dora', '2026-01-06T09:00:00Z', { type: 'OpenAccount', data: { accountId: 'kunde-200', tenantId, displayName: 'Schulz Elektro GmbH', tier: 'standard' } }],
  ['dora', '2026-01-06T09:01:00Z', { type: 'AssignOwner', data: { accountId: 'kunde-200', ownerId: 'klaus' } }],
  ['dora', '2026-01-07T09:00:00Z', { type: 'OpenAccount', data: { accountId: 'kunde-300', tenantId, displayName: 'Vogel Pharma GmbH', tier: 'key' } }],
  ['dora', '2026-01-07T09:01:00Z', { type: 'AssignOwner', data: { accountId: 'kunde-300', ownerId: 'petra' } }],
  ['petra', '2026-01-08T10:00:00Z', { type: 'AddTeamMember', data: { accountId: 'kunde-300', principalId: 'klaus', role: 'sales' } }],
  ['petra', '2026-03-02T10:00:00Z', {
    type: 'GrantAccess',
    data: { accountId: 'kunde-300', grantId: 'g-klaus-300', granteeId: 'klaus', scope: 'read', purpose: 'sales-cover', purposeNote: 'Angebot Rahmenvertrag 2027', legalBasis: 'art6-1-b-contract', expiresAt: '2026-05-31T00:00:00Z' },
  }],
]

/** What the example found after the handover. */
export interface AfterHandover {
  readonly outcomes: ReadonlyArray<HandoverOutcome>
  readonly ownerOfKeyAccount: OwnershipPeriod | null
  readonly booksOf: { readonly klaus: ReadonlyArray<AccountStanding>; readonly marta: ReadonlyArray<AccountStanding> }
  readonly grantsOfKlaus: ReadonlyArray<AccessGrant>
  readonly review: AccessReview
}

/** Any error on the way, as the value it came as. */
export interface HandoverExampleError {
  readonly _tag: string
  readonly message: string
}

/** Records the accounts, offboards Klaus, runs the handover, and reads what follows from the read models. */
export const runHandover = async (store: EventStore, db: Kysely<ReadModels & AuditTables>): Promise<E.Either<HandoverExampleError, AfterHandover>> => {
  const accounts = accountCommandHandler({ store, policy })
  for (const [i, [actor, occurredAt, command]] of before.entries()) {
    const handled = await accounts.handle(command, { commandId: `before-${i}`, actor, occurredAt, tenantId })
    if (E.isLeft(handled)) return handled
  }

  // Klaus leaves on 31 March: HR records it once, in his principal stream.
  const principals = principalCommandHandler({ store, policy })
  const offboarded = await principals.handle(
    { type: 'OffboardPrincipal', data: { principalId: 'klaus', successorId: 'marta', reason: 'Austritt zum Quartalsende' } },
    { commandId: 'offboard-klaus', actor: 'dora', occurredAt: '2026-03-31T17:00:00Z', tenantId },
  )
  if (E.isLeft(offboarded)) return offboarded
  const offboarding = offboarded.right.events.find((e) => e.type === 'PrincipalOffboarded')
  if (offboarding === undefined) return E.left({ _tag: 'NothingOffboardedError', message: 'klaus: no PrincipalOffboarded was recorded' })

  // The process manager: one HandOverAccount per account Klaus is part of (run it again: nothing twice).
  const outcomes = await handOver({ accounts, index: scanAccountIndex(store) }, offboarding)
  const refused = outcomes.find((o) => o.refused !== undefined)?.refused
  if (refused !== undefined) return E.left(refused)

  const caughtUp = await projectionRuntime({ store, db, projections: [...readModelProjections, auditProjection()] }).runUntilCaughtUp()
  if (E.isLeft(caughtUp)) return caughtUp
  // Two weeks later: who owns the key account, whose book holds what, and the access review.
  const day = '2026-04-15T12:00:00Z'
  const answers = sequenceS(E.Apply)({
    ownerOfKeyAccount: await ownerAt(db, 'kunde-100', day),
    klaus: await bookOfBusiness(db, 'klaus'),
    marta: await bookOfBusiness(db, 'marta'),
    grantsOfKlaus: await grantsOf(db, 'klaus'),
    review: await accessReview(db, { at: day, olderThanDays: 90 }),
  })
  if (E.isLeft(answers)) return answers
  const { ownerOfKeyAccount, klaus, marta, grantsOfKlaus, review } = answers.right
  return E.right({ outcomes, ownerOfKeyAccount, booksOf: { klaus, marta }, grantsOfKlaus, review })
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const dir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'handover-'))
  const opened = openSqliteEventStore({ path: join(dir, 'kunden.db') })
  if (E.isLeft(opened)) {
    console.error(`${opened.left._tag}: ${opened.left.message}`)
    process.exit(1)
  }
  const db = sqliteReadModels<ReadModels & AuditTables>(join(dir, 'read-models.db'))
  const after = await runHandover(opened.right, db)
  await db.destroy()
  await opened.right.close()
  if (E.isLeft(after)) {
    console.error(`${after.left._tag}: ${after.left.message}`)
    process.exit(1)
  }
  const { outcomes, ownerOfKeyAccount, booksOf, grantsOfKlaus, review } = after.right
  for (const o of outcomes) console.log(`handover ${o.accountId}: ${o.recorded} event(s)`)
  console.log(`kunde-100 on 15 April: owned by ${ownerOfKeyAccount?.ownerId} since ${ownerOfKeyAccount?.from} (${ownerOfKeyAccount?.reasonCode})`)
  console.log(`book of klaus: [${booksOf.klaus.map((a) => a.accountId).join(', ')}]; book of marta: [${booksOf.marta.map((a) => a.accountId).join(', ')}]`)
  console.log(`grants of klaus: ${grantsOfKlaus.map((g) => `${g.grantId} ${g.endedHow ?? 'active'} at ${g.endedAt}`).join('; ')}`)
  console.log(`access review: ${review.afterOffboarding.length} period(s) outlive an offboarding, ${review.withoutExpiry.length} grant(s) without expiry`)
}
