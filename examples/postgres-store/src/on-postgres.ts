// The first example on PostgreSQL: many writer processes share one database, and the read models
// sit in it beside the log (tables of their own). Only the two lines that open the store and the
// read models differ from the SQLite version; commands, projections and queries stay as they are.
import { accountCommandHandler, defaultPolicy, type AccountCommandInput } from '@account-ownership/core'
import { ownerAt, projectionRuntime, readModelProjections } from '@account-ownership/projections'
import { postgresReadModels } from '@account-ownership/projections/postgres'
import { openPostgresEventStore } from '@account-ownership/store-postgres'
import * as E from 'fp-ts/lib/Either.js'

// Every call answers Either<error, value>; a script stops at the first error, naming it.
const orStop = <A>(result: E.Either<{ _tag: string; message: string }, A>): A => {
  if (E.isRight(result)) return result.right
  console.error(`${result.left._tag}: ${result.left.message}`)
  process.exit(1)
}

const connection = { connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kunden' }
const store = orStop(await openPostgresEventStore({ connection, schema: 'account_ownership' }))
const db = postgresReadModels(connection)

const accounts = accountCommandHandler({ store, policy: { ...defaultPolicy, admins: ['dora'] } })
const record = async (actor: string, commandId: string, occurredAt: string, command: AccountCommandInput) =>
  orStop(await accounts.handle(command, { actor, commandId, occurredAt, tenantId: 'acme-de' }))

await record('dora', 'c1', '2026-01-05T09:00:00Z', { type: 'OpenAccount', data: { accountId: 'kunde-1', tenantId: 'acme-de', displayName: 'Müller GmbH', tier: 'standard' } })
await record('dora', 'c2', '2026-01-05T09:01:00Z', { type: 'AssignOwner', data: { accountId: 'kunde-1', ownerId: 'hanna' } })
await record('hanna', 'c3', '2026-03-01T08:00:00Z', { type: 'TransferOwnership', data: { accountId: 'kunde-1', transferId: 't1', toOwnerId: 'felix', reasonCode: 'hunter-to-farmer' } })

orStop(await projectionRuntime({ store, db, projections: readModelProjections }).runUntilCaughtUp())
console.log(orStop(await ownerAt(db, 'kunde-1', '2026-02-14T12:00:00Z'))) // { ownerId: 'hanna', from: …, to: '2026-03-01T08:00:00.000Z', … }
await db.destroy()
await store.close()
