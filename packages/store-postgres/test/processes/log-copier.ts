/**
 * A copying process for the copy test: it copies the SQLite log at `<file>` into the PostgreSQL
 * schema `<schema>` of `<database>` in batches of 5, printing `copied <position>` after each
 * imported batch, until it is done or killed.
 * Usage: log-copier.ts <file> <database> <schema>
 *
 * @module
 */
import { copyLog } from '@account-ownership/core'
import { openPostgresEventStore } from '@account-ownership/store-postgres'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import * as E from 'fp-ts/lib/Either.js'

const [file, database, schema] = process.argv.slice(2) as [string, string, string]
const from = openSqliteEventStore({ path: file, readonly: true })
if (E.isLeft(from)) throw from.left
const to = await openPostgresEventStore({ connection: { host: '127.0.0.1', port: 5432, user: 'postgres', database }, schema })
if (E.isLeft(to)) throw to.left
const copied = await copyLog({ from: from.right, to: to.right, batchSize: 5, onProgress: (position) => process.stdout.write(`copied ${position}\n`) })
if (E.isLeft(copied)) throw copied.left
process.stdout.write(`done ${copied.right.verified}\n`)
