import { accountCommandHandler, defaultPolicy } from '@account-ownership/core'
import { ownerAt, projectionRuntime, readModelProjections, sqliteReadModels } from '@account-ownership/projections'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import * as E from 'fp-ts/lib/Either.js'

const store = E.getOrElseW((e: Error) => { throw e })(openSqliteEventStore({ path: 'kunden.db' }))
const accounts = accountCommandHandler({ store, policy: { ...defaultPolicy, admins: ['dora'] } })
const by = (actor: string, commandId: string, occurredAt: string) => ({ actor, commandId, occurredAt, tenantId: 'acme-de' })

await accounts.handle({ type: 'OpenAccount', data: { accountId: 'kunde-1', tenantId: 'acme-de', displayName: 'Müller GmbH', tier: 'standard' } }, by('dora', 'c1', '2026-01-05T09:00:00Z'))
await accounts.handle({ type: 'AssignOwner', data: { accountId: 'kunde-1', ownerId: 'hanna' } }, by('dora', 'c2', '2026-01-05T09:01:00Z'))
await accounts.handle({ type: 'TransferOwnership', data: { accountId: 'kunde-1', transferId: 't1', toOwnerId: 'felix', reasonCode: 'hunter-to-farmer' } }, by('hanna', 'c3', '2026-03-01T08:00:00Z'))

const db = sqliteReadModels('read-models.db')
await projectionRuntime({ store, db, projections: readModelProjections }).runUntilCaughtUp()
console.log(await ownerAt(db, 'kunde-1', '2026-02-14T12:00:00Z')) // { _tag: 'Right', right: { ownerId: 'hanna', … } }
