import { postgresKeyStore } from '@account-ownership/dsgvo/postgres'
import * as E from 'fp-ts/lib/Either.js'
import { describe } from 'vitest'
import { keyStoreContract } from './key-store-contract.js'
import { postgresDatabase } from '../postgres-database.js'

const server = await postgresDatabase('keys')

describe.skipIf(server.skip !== undefined)(`the PostgreSQL key store${server.skip === undefined ? '' : ` (skipped: ${server.skip})`}`, () => {
  keyStoreContract(async () => {
    const pool = server.pool()
    await pool.query('DROP TABLE IF EXISTS dsgvo_subject_keys, dsgvo_subject_key_versions')
    const opened = await postgresKeyStore(pool)
    if (E.isLeft(opened)) throw opened.left
    return opened.right
  })
})
