// A data subject request (Auskunftsersuchen, Art. 15 DSGVO) and erasure (Löschung, Art. 17) for
// Erika Mustermann, a contact person on a customer's account map. Her name and e-mail are
// encrypted with a key of her own by the encrypting store that sits under the command handler;
// the audit read model holds ids only. Erasure destroys her key (crypto-shredding) and records
// the erasure; afterwards her name reads `[erased]`, and no file the library wrote contains it.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sequenceS } from 'fp-ts/lib/Apply.js'
import * as E from 'fp-ts/lib/Either.js'
import { accountCommandHandler, defaultPolicy, type AccountCommandInput } from '@account-ownership/core'
import { auditProjection, encryptingEventStore, erase, subjectReport, type AuditTables, type SubjectReport } from '@account-ownership/dsgvo'
import { sqliteKeyStore } from '@account-ownership/dsgvo/sqlite'
import { projectionRuntime } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'

/** The files of this example: the event log, the keys (kept apart from the log), the audit tables. */
export const filesIn = (dir: string) => ({ log: join(dir, 'kunden.db'), keys: join(dir, 'schluessel.db'), audit: join(dir, 'audit.db') })

/** Any error on the way, as the value it came as. */
export interface DsgvoExampleError {
  readonly _tag: string
  readonly message: string
}

const tenantId = 'acme-de'
const accountMap: ReadonlyArray<readonly [string, AccountCommandInput]> = [
  ['2026-02-01T09:00:00Z', { type: 'OpenAccount', data: { accountId: 'kunde-7', tenantId, displayName: 'Weber Werkzeugbau GmbH', tier: 'high-value' } }],
  ['2026-02-01T09:01:00Z', { type: 'AssignOwner', data: { accountId: 'kunde-7', ownerId: 'hanna' } }],
  ['2026-02-10T11:00:00Z', {
    type: 'MapStakeholder',
    data: { accountId: 'kunde-7', stakeholderId: 'erika', role: 'decision-maker', name: 'Erika Mustermann', email: 'erika.mustermann@weber-werkzeugbau.example' },
  }],
  ['2026-02-10T11:05:00Z', { type: 'MapStakeholder', data: { accountId: 'kunde-7', stakeholderId: 'max', role: 'user', name: 'Max Muster' } }],
]

/** What the data-protection officer sees: the Art. 15 report before and after the erasure. */
export interface SubjectRequestOutcome {
  readonly before: SubjectReport
  readonly after: SubjectReport
  /** Max, mapped on the same account and not erased. */
  readonly maxAfter: SubjectReport
}

/** Maps Erika and Max on an account, reports on Erika (Art. 15), erases her (Art. 17), and reports again. */
export const runSubjectRequest = async (dir: string): Promise<E.Either<DsgvoExampleError, SubjectRequestOutcome>> => {
  const files = filesIn(dir)
  const log = openSqliteEventStore({ path: files.log })
  if (E.isLeft(log)) return log
  const keyFile = new Database(files.keys)
  const keys = sqliteKeyStore(keyFile, { owned: true })
  const store = encryptingEventStore({ store: log.right, keys }) // every layer above sees plaintext
  const audit = sqliteReadModels<AuditTables>(files.audit)
  try {
    const accounts = accountCommandHandler({ store, policy: { ...defaultPolicy, admins: ['dora'] } })
    for (const [i, [occurredAt, command]] of accountMap.entries()) {
      const handled = await accounts.handle(command, { commandId: `map-${i}`, actor: 'dora', occurredAt, tenantId })
      if (E.isLeft(handled)) return handled
    }
    const runtime = projectionRuntime({ store, db: audit, projections: [auditProjection()] })
    const caughtUp = await runtime.runUntilCaughtUp()
    if (E.isLeft(caughtUp)) return caughtUp

    // Art. 15: what is held about Erika — the account maps naming her, with her data as held now.
    const before = await subjectReport(audit, 'stakeholder:erika', { store })
    if (E.isLeft(before)) return before

    // Art. 17: she objects; the DPO erases her. The request is checked before a key is touched:
    // a bad field is an InvalidStoreInputError naming it, a subject nobody knows is refused.
    const erased = await erase({ store, keys }, 'stakeholder:erika', { by: 'dpo-1', legalGround: 'art17-1-c-objection', at: '2026-03-02T10:00:00Z', tenantId })
    if (E.isLeft(erased)) return erased

    const caughtUpAgain = await runtime.runUntilCaughtUp()
    if (E.isLeft(caughtUpAgain)) return caughtUpAgain
    const after = sequenceS(E.Apply)({
      erika: await subjectReport(audit, 'stakeholder:erika', { store }),
      max: await subjectReport(audit, 'stakeholder:max', { store }),
    })
    if (E.isLeft(after)) return after
    return E.right({ before: before.right, after: after.right.erika, maxAfter: after.right.max })
  } finally {
    await audit.destroy()
    await store.close()
    await keys.close()
  }
}

/** The files holding `text` in UTF-8 or UTF-16 (each SQLite file with its -wal and -shm beside it). */
export const filesHolding = (dir: string, text: string): ReadonlyArray<string> => {
  const paths = Object.values(filesIn(dir)).flatMap((f) => [f, `${f}-wal`, `${f}-shm`]).filter((f) => existsSync(f))
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')]
  return paths.filter((p) => needles.some((n) => readFileSync(p).includes(n)))
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const dir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'dsgvo-'))
  const outcome = await runSubjectRequest(dir)
  if (E.isLeft(outcome)) {
    console.error(`${outcome.left._tag}: ${outcome.left.message}`)
    process.exit(1)
  }
  const { before, after } = outcome.right
  const held = (report: SubjectReport) => report.mentions.map((m) => `${m.accountId}: ${JSON.stringify(m.personalData)}`).join('; ')
  console.log(`Art. 15 before erasure — ${held(before)}`)
  console.log(`Art. 15 after erasure  — ${held(after)}; erasures: ${after.erasures.map((e) => `${e.legalGround} by ${e.erasedBy} at ${e.erasedAt}`).join('; ')}`)
  console.log(`files holding "Erika Mustermann": [${filesHolding(dir, 'Erika Mustermann').join(', ')}]`)
}
