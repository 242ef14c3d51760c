// Runs every `bench/<area>/*.bench.ts` in a process of its own (so peak RSS is each benchmark's
// own), collects the markdown each prints, and writes bench/RESULTS.md with the machine and
// versions. Usage: `pnpm bench` (all) or `pnpm bench <filter>` (files whose path contains it).
import { execFileSync, spawnSync } from 'node:child_process'
import { readdirSync, statSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'

const here = dirname(fileURLToPath(import.meta.url))
const filter = process.argv[2] ?? ''
const files = readdirSync(here)
  .filter((d) => statSync(join(here, d)).isDirectory() && d !== 'node_modules')
  .flatMap((d) => readdirSync(join(here, d)).filter((f) => f.endsWith('.bench.ts')).map((f) => join(d, f)))
  .filter((f) => f.includes(filter))
  .sort()

const pgVersion = (() => {
  try {
    return execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-Atc', 'show server_version'], { encoding: 'utf8' }).trim()
  } catch {
    return 'not reachable'
  }
})()

const sections: string[] = []
for (const file of files) {
  console.error(`running ${file} …`)
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(here, file)], { cwd: here, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  sections.push(run.status === 0 ? run.stdout.trim() : `## ${file}\n\nfailed with exit code ${run.status}`)
}

const header = [
  '# Benchmark results',
  '',
  `Run with \`pnpm bench\` on ${new Date().toISOString().slice(0, 10)}. Every figure stands beside a baseline measured in the same process and run.`,
  '',
  '| machine | |',
  '|---|---|',
  `| CPU | ${cpus().length} × ${cpus()[0]?.model ?? 'unknown'} |`,
  `| memory | ${Math.round(totalmem() / 2 ** 30)} GiB |`,
  `| Node | ${process.version} |`,
  `| SQLite (better-sqlite3 13.2.0) | ${(new Database(':memory:').prepare('select sqlite_version() v').get() as { v: string }).v} |`,
  `| PostgreSQL | ${pgVersion} |`,
  '',
]
const results = [header.join('\n'), ...sections].join('\n\n') + '\n'
if (filter === '') writeFileSync(join(here, 'RESULTS.md'), results)
else console.log(results)
