// The story both installs run, written against the main entry points only — which load no
// database driver: an account is opened, owned, mapped with a contact person and transferred;
// the read models and the DSGVO audit tables are projected into one database by one runtime;
// then questions to both. The dialect files (sqlite-app.ts, postgres-app.ts) hand in the store,
// the key store and the database.
import { accountCommandHandler, defaultPolicy, type AccountCommandInput, type EventStore } from '@account-ownership/core'
import { auditProjection, encryptingEventStore, subjectReport, type AuditTables, type KeyStore } from '@account-ownership/dsgvo'
import { ownerAt, projectionRuntime, readModelProjections, type ReadModels } from '@account-ownership/projections'
import type { Kysely } from 'kysely'

type Result<A> = { readonly _tag: 'Left'; readonly left: { readonly _tag: string; readonly message: string } } | { readonly _tag: 'Right'; readonly right: A }

const orStop = <A>(result: Result<A>): A => {
  if (result._tag === 'Right') return result.right
  throw new Error(`${result.left._tag}: ${result.left.message}`)
}

/** Record the story through the encrypting store over `log`, project it into `db`, and answer. */
export const story = async (log: EventStore, keys: KeyStore, db: Kysely<ReadModels & AuditTables>) => {
  const store = encryptingEventStore({ store: log, keys })
  const accounts = accountCommandHandler({ store, policy: { ...defaultPolicy, admins: ['dora'] } })
  const record = async (actor: string, commandId: string, occurredAt: string, command: AccountCommandInput) =>
    orStop(await accounts.handle(command, { actor, commandId, occurredAt, tenantId: 'acme-de' }))

  await record('dora', 'c1', '2026-01-05T09:00:00Z', { type: 'OpenAccount', data: { accountId: 'kunde-1', tenantId: 'acme-de', displayName: 'Müller GmbH', tier: 'standard' } })
  await record('dora', 'c2', '2026-01-05T09:01:00Z', { type: 'AssignOwner', data: { accountId: 'kunde-1', ownerId: 'hanna' } })
  await record('hanna', 'c3', '2026-01-20T10:00:00Z', { type: 'MapStakeholder', data: { accountId: 'kunde-1', stakeholderId: 'erika', role: 'decision-maker', name: 'Erika Mustermann' } })
  await record('hanna', 'c4', '2026-03-01T08:00:00Z', { type: 'TransferOwnership', data: { accountId: 'kunde-1', transferId: 't1', toOwnerId: 'felix', reasonCode: 'hunter-to-farmer' } })

  const run = orStop(await projectionRuntime({ store, db, projections: [...readModelProjections, auditProjection()] }).runUntilCaughtUp())
  const owner = orStop(await ownerAt(db, 'kunde-1', '2026-02-14T12:00:00Z'))
  const hanna = orStop(await subjectReport(db, 'principal:hanna'))
  const erika = orStop(await subjectReport(db, 'stakeholder:erika', { store }))
  return {
    eventsProjected: run.done,
    ownerOn14February: owner?.ownerId ?? null,
    hannaOwned: hanna.accessPeriods.filter((p) => p.kind === 'owner').map((p) => [p.from, p.to]),
    erikaAsHeld: erika.mentions.map((m) => m.personalData?.['name']),
  }
}
