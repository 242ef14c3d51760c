// `import` of a CRM export: every bad row is reported with its line and column, and then nothing
// is appended; a good file is checked without --write and imported with it; importing the same
// file again repeats nothing.
import { accountCommandHandler, defaultPolicy } from '@account-ownership/core'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import { createHash } from 'node:crypto'
import * as E from 'fp-ts/lib/Either.js'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { writeAuditLog } from './audit-log-fixture.js'
import { runBinary } from './cli-process.js'
import { scratchDir } from './scratch-dir.js'

// Each test starts the executable a few times; on a shared, loaded machine one start can take 20 s.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 })

const dir = scratchDir('import')
const log = join(dir, 'kunden.db')
const store = `sqlite:${log}`
let events = 0

const csv = (name: string, text: string): string => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}
const head = async (): Promise<bigint> => {
  const opened = openSqliteEventStore({ path: log, readonly: true })
  if (E.isLeft(opened)) throw opened.left
  const position = await opened.right.headPosition()
  await opened.right.close()
  if (E.isLeft(position)) throw position.left
  return position.right
}
const importing = (file: string, ...more: string[]) => runBinary(['--store', store, '--json', 'import', file, '--by', 'dora', '--tenant', 'acme-de', '--at', '2025-08-01', ...more])

beforeAll(async () => {
  events = await writeAuditLog(log)
})

describe('import', () => {
  it('reports every bad row with its line and column, and appends nothing', async () => {
    const file = csv(
      'bad.csv',
      [
        'account_id,display_name,tier,owner_id',
        'kunde-10,Alpha GmbH,key,hanna', // line 2: good
        'kunde-11,,standard,', // line 3: empty name
        'kunde-12,Gamma AG,platinum,', // line 4: unknown tier
        'kunde-10,Alpha again,key,', // line 5: same account as line 2
        'max@example.com,Delta,standard,', // line 6: an e-mail address as id
        'kunde-1,Müller again,key,', // line 7: in the log already
        'kunde-13,Epsilon,standard,bad owner id', // line 8: owner id not one
      ].join('\n'),
    )
    const run = importing(file, '--write')
    expect(run.code).toBe(2)
    const problems = (JSON.parse(run.stdout) as { problems: Array<{ line: number; column: string }> }).problems
    expect(problems.map((p) => `${p.line}:${p.column}`)).toEqual(['3:display_name', '4:tier', '5:account_id', '6:account_id', '7:account_id', '8:owner_id'])
    expect(run.stderr).toContain('nothing was imported')
    expect(await head()).toBe(BigInt(events))
  })

  it('the domain refusals come next, each with line and column, and nothing is appended', async () => {
    const file = csv(
      'refused.csv',
      ['account_id,display_name,tier,owner_id', 'kunde-10,Alpha GmbH,key,hanna', 'kunde-12,Gamma AG,platinum,', 'max@example.com,Delta,standard,', 'kunde-1,Müller again,key,', 'kunde-13,Epsilon,standard,bad owner id'].join('\n'),
    )
    const run = importing(file, '--write')
    expect(run.code).toBe(2)
    const problems = (JSON.parse(run.stdout) as { problems: Array<{ line: number; column: string; message: string }> }).problems
    expect(problems.map((p) => `${p.line}:${p.column}`)).toEqual(['3:tier', '4:account_id', '5:account_id', '6:owner_id'])
    expect(run.stdout).not.toContain('max@example.com')
    expect(run.stdout).not.toContain('platinum')
    expect(await head()).toBe(BigInt(events))
  })

  it('checks a file for a log that does not exist yet, and creates nothing', () => {
    const missing = join(dir, 'neu.db')
    const run = runBinary(['--store', `sqlite:${missing}`, '--json', 'import', csv('new.csv', 'account_id,display_name,tier\nkunde-30,Theta,key\n'), '--by', 'dora', '--tenant', 'acme-de'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ checked: 1, imported: 0 })
    expect(existsSync(missing)).toBe(false)
  })

  it('names the real line of each bad row after a quoted field spanning lines with CRLF', async () => {
    const before = await head()
    // Excel writes CRLF line ends, also inside a quoted cell: the name of kunde-40 spans lines 2 and 3.
    const file = csv(
      'crlf.csv',
      ['account_id,display_name,tier,owner_id', 'kunde-40,"Kappa', 'GmbH",key,hanna', 'kunde-41,,standard,', '', 'kunde-42,Lambda AG,platinum,', 'kunde-43,"My', '', 'GmbH",key,', 'kunde-44,,key,'].join('\r\n') + '\r\n',
    )
    const run = importing(file, '--write')
    expect(run.code).toBe(2)
    const problems = (JSON.parse(run.stdout) as { problems: Array<{ line: number; column: string }> }).problems
    // A carriage return is no character of a name: the row is refused on the line it starts on.
    expect(problems.map((p) => `${p.line}:${p.column}`)).toEqual(['2:display_name', '4:display_name', '6:tier', '7:display_name', '10:display_name'])
    expect(await head()).toBe(before)
  })

  it('a header without a required column is reported on line 1', () => {
    const run = importing(csv('header.csv', 'account_id,name\nkunde-10,Alpha\n'))
    expect(run.code).toBe(2)
    const problems = (JSON.parse(run.stdout) as { problems: Array<{ line: number; column: string }> }).problems
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ line: 1, column: 'display_name' }), expect.objectContaining({ line: 1, column: 'name' })]))
  })

  it('a column named twice in the header is reported on line 1, and nothing is appended', async () => {
    const before = await head()
    const run = importing(csv('twice.csv', 'account_id,display_name,tier,owner_id,owner_id\nkunde-10,Alpha,key,hanna,otto\n'), '--write')
    expect(run.code).toBe(2)
    expect((JSON.parse(run.stdout) as { problems: unknown[] }).problems).toEqual([expect.objectContaining({ line: 1, column: 'owner_id', message: 'appears twice in the header' })])
    expect(await head()).toBe(before)
  })

  it('a file that is not UTF-8 is refused before anything is read into the log', async () => {
    const before = await head()
    const path = join(dir, 'latin1.csv')
    writeFileSync(path, Buffer.concat([Buffer.from('account_id,display_name,tier,owner_id\nkunde-14,M'), Buffer.from([0xfc]), Buffer.from('ller,key,hanna\n')]))
    const run = importing(path, '--write')
    expect(run.code).toBe(2)
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { field: '<files...>', message: expect.stringContaining('is not UTF-8 text') } })
    expect(await head()).toBe(before)
  })

  it('a good file is only checked without --write, imported with it, and not repeated', async () => {
    const file = csv('good.csv', 'account_id,display_name,tier,owner_id\nkunde-20,"Zeta & Söhne, KG",key,hanna\nkunde-21,Eta AG,standard,\n')
    const checked = importing(file)
    expect(checked.code).toBe(0)
    expect(JSON.parse(checked.stdout)).toMatchObject({ checked: 2, imported: 0 })
    expect(await head()).toBe(BigInt(events))
    const imported = importing(file, '--write')
    expect(imported.code).toBe(0)
    expect(JSON.parse(imported.stdout)).toMatchObject({ imported: 2, commands: 3 })
    expect(await head()).toBe(BigInt(events + 3))
    const owner = runBinary(['--store', store, '--json', 'owner', 'kunde-20'])
    expect(JSON.parse(owner.stdout)).toMatchObject({ displayName: 'Zeta & Söhne, KG', ownerId: 'hanna' })
    // The same file again: its accounts are its own, its commands recorded; nothing is appended.
    const again = importing(file, '--write')
    expect(again.code).toBe(0)
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 2, commands: 3, appended: 0 })
    expect(await head()).toBe(BigInt(events + 3))
    // Another file naming one of those accounts is refused: that account is not its own.
    const other = importing(csv('other.csv', 'account_id,display_name,tier,owner_id\nkunde-20,Zeta,key,hanna\n'), '--write')
    expect(other.code).toBe(2)
    expect(other.stdout).toContain('the account exists in the log already')
    expect(await head()).toBe(BigInt(events + 3))
  })

  it('completes an import cut short: what it recorded already is kept, the rest appended once', async () => {
    const text = 'account_id,display_name,tier,owner_id\nkunde-30,Theta GmbH,key,hanna\nkunde-31,Iota AG,standard,felix\n'
    const file = csv('cut.csv', text)
    // The first row's two commands, recorded as the import records them, before it was killed.
    const id = createHash('sha256').update(text).digest('hex').slice(0, 16)
    const opened = openSqliteEventStore({ path: log })
    if (E.isLeft(opened)) throw opened.left
    const handler = accountCommandHandler({ store: opened.right, policy: { ...defaultPolicy, admins: ['dora'] as never }, clock: () => '2025-08-01T00:00:00.000Z' as never })
    for (const [suffix, command] of [['open', { type: 'OpenAccount', data: { accountId: 'kunde-30', tenantId: 'acme-de', displayName: 'Theta GmbH', tier: 'key' } }], ['owner', { type: 'AssignOwner', data: { accountId: 'kunde-30', ownerId: 'hanna' } }]] as const) {
      const handled = await handler.handle(command, { commandId: `import-${id}-2-${suffix}`, actor: 'dora', tenantId: 'acme-de' })
      if (E.isLeft(handled)) throw handled.left
    }
    await opened.right.close()
    const before = await head()
    const completed = importing(file, '--write')
    expect(completed.code).toBe(0)
    expect(JSON.parse(completed.stdout)).toMatchObject({ imported: 2, commands: 4, appended: 2 })
    expect(await head()).toBe(before + 2n)
    expect(JSON.parse(runBinary(['--store', store, '--json', 'owner', 'kunde-31']).stdout)).toMatchObject({ ownerId: 'felix' })
  })
})
