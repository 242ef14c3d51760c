import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { librarySqlite, rawSqlite } from './sqlite-contenders.js'
import { commandsOf } from './workloads.js'
const dir = mkdtempSync(join(tmpdir(), 'zz-prof-'))
const which = process.argv[2]
const c = which === 'raw' ? rawSqlite(join(dir, 'r.db'), 1000) : await librarySqlite(join(dir, 'l.db'), 1000)
const cmds = commandsOf(1000, 0, 1000)
const t = performance.now()
for (const x of cmds) await c.classify(x.account, x.score, x.commandId)
console.log(which, Math.round(1000 / ((performance.now() - t) / 1000)), 'commands/s')
await c.close()
