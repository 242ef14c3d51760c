// Given a Salesforce export and a real SQLite log, when the importing process is killed
// (SIGKILL) half-way and the import is run again, then the log ends in the same state as after
// one uninterrupted import of the same files — every stream the same events, nothing twice.
import { migrate, type MigrationSummary } from '@account-ownership/crm-migration'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import * as E from 'fp-ts/lib/Either.js'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { generatedAccounts, writeGeneratedExport } from './generated-export.js'

const dir = mkdtempSync(join(tmpdir(), 'crm-resume-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const accountCount = 2000
const files = writeGeneratedExport(dir, generatedAccounts(accountCount))
const sources = [
  { format: 'salesforce-accounts', path: files.accounts },
  { format: 'salesforce-history', path: files.history },
] as const

const importInto = async (log: string): Promise<MigrationSummary> => {
  const store = openSqliteEventStore({ path: log })
  if (E.isLeft(store)) throw store.left
  try {
    const done = await migrate(sources, { store: store.right, tenantId: 't1', importedBy: 'migration' })
    if (E.isLeft(done)) throw done.left
    return done.right
  } finally {
    await store.right.close()
  }
}

/* Each stream's events without the store's own times and positions: what an import decides. */
const streamsOf = async (log: string): Promise<Map<string, unknown[]>> => {
  const store = openSqliteEventStore({ path: log, readonly: true })
  if (E.isLeft(store)) throw store.left
  const streams = new Map<string, unknown[]>()
  for await (const e of store.right.readAll()) {
    const { globalPosition: _p, recordedAt: _r, ...metadata } = e.metadata
    streams.set(metadata.streamId, [...(streams.get(metadata.streamId) ?? []), { type: e.type, data: e.data, metadata }])
  }
  await store.right.close()
  return streams
}

/* Start the import in a child process and kill it (SIGKILL) once it has recorded `after` accounts. */
const killedImport = (log: string, after: number): Promise<{ recorded: number; finished: boolean }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./import-child.ts', import.meta.url)), log, files.accounts, files.history], { stdio: ['ignore', 'pipe', 'inherit'] })
    let recorded = 0
    let finished = false
    let buffered = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        if (line === 'done') finished = true
        else if (/^\d+$/.test(line)) recorded = Number(line)
      }
      if (recorded >= after) child.kill('SIGKILL')
    })
    child.on('error', reject)
    child.on('close', () => resolve({ recorded, finished }))
  })

describe('an import killed half-way', () => {
  it('ends, run again, in the state of one uninterrupted import', async () => {
    const whole = join(dir, 'whole.db')
    const first = await importInto(whole)
    expect(first.accounts.recorded).toBe(accountCount)

    const resumed = join(dir, 'resumed.db')
    const killed = await killedImport(resumed, 300)
    expect(killed.finished).toBe(false)
    const partial = await streamsOf(resumed)
    expect(partial.size).toBeGreaterThan(0)
    expect(partial.size).toBeLessThan(accountCount)

    const second = await importInto(resumed)
    expect(second.accounts.alreadyImported).toBe(partial.size)
    expect(second.accounts.recorded).toBe(accountCount - partial.size)
    expect(second.events + [...partial.values()].reduce((n, events) => n + events.length, 0)).toBe(first.events)
    expect(await streamsOf(resumed)).toEqual(await streamsOf(whole))

    const third = await importInto(resumed)
    expect(third.events).toBe(0)
    expect(third.accounts.alreadyImported).toBe(accountCount)
  })
})
