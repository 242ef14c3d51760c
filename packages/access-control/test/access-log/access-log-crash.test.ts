// A writer killed with SIGKILL while it logs decisions: every decision whose record answered is
// in the log afterwards, once, and the file opens cleanly.
import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { scratchFiles } from '../support/scratch-dir.js'

const file = scratchFiles('crash')
const here = dirname(fileURLToPath(import.meta.url))
const rounds = 6

// Run the writer until it has acknowledged something, let it go on for a random while, SIGKILL it;
// answers the decisions it acknowledged before it died (a line cut by the kill is none).
const killedWriter = (path: string, round: number): Promise<string[]> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, '..', 'processes', 'decision-writer.ts'), path, String(round)], { cwd: join(here, '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    let timer: NodeJS.Timeout | undefined
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk
      timer ??= setTimeout(() => child.kill('SIGKILL'), 20 + Math.floor(Math.random() * 150))
    })
    child.on('error', reject)
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`the writer ended on its own (${code}): ${out.slice(-300)}`))
      resolve(out.split('\n').slice(0, -1).map((line) => line.replace(/^ack /, '')))
    })
  })

describe('the access log when its writer is killed', () => {
  it(`loses no acknowledged decision and records none twice (${rounds} rounds of SIGKILL)`, { timeout: 300_000 }, async () => {
    const path = file('log.db')
    const acknowledged = new Set<string>()
    for (let round = 0; round < rounds; round++) {
      for (const id of await killedWriter(path, round)) acknowledged.add(id)
      const raw = new Database(path)
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok')
      raw.close()

      const opened = openSqliteEventStore({ path })
      if (E.isLeft(opened)) throw opened.left
      const logged: string[] = []
      for await (const e of opened.right.readAll()) if (e.type === 'AccessDecided') logged.push(e.metadata.correlationId)
      await opened.right.close()
      const found = new Set(logged)
      expect(found.size, 'no decision twice').toBe(logged.length)
      for (const id of acknowledged) expect(found.has(id), `acknowledged ${id} is missing after round ${round}`).toBe(true)
    }
    expect(acknowledged.size).toBeGreaterThan(rounds)
  })
})
