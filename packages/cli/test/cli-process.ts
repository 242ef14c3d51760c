// Runs the built executable (packages/cli/dist/main.js, emitted by `tsc -b` before the tests) as
// a child process with the pinned Node that runs the tests. Inside the repository the workspace's
// packages export their TypeScript sources; the child loads their built dist/ instead (see
// dist-packages.mjs), so it runs as plain JavaScript, as an installed package does.
import { spawn, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url))
const loader = new URL('./dist-packages.mjs', import.meta.url).href

export interface CliRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

export const runBinary = (args: ReadonlyArray<string>, options: { readonly cwd?: string; readonly env?: Readonly<Record<string, string>> } = {}): CliRun => {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), ...options.env }
  delete env['ACCOUNT_OWNERSHIP_STORE']
  if (options.env?.['ACCOUNT_OWNERSHIP_STORE'] !== undefined) env['ACCOUNT_OWNERSHIP_STORE'] = options.env['ACCOUNT_OWNERSHIP_STORE']
  const run = spawnSync(process.execPath, ['--import', loader, main, ...args], { cwd: options.cwd ?? process.cwd(), env, encoding: 'utf8', timeout: 120_000 })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

/** The same as `runBinary`, without blocking, so that many runs can wait side by side. */
export const runBinaryAsync = (args: ReadonlyArray<string>, options: { readonly cwd?: string; readonly input?: string } = {}): Promise<CliRun> =>
  new Promise((resolve, reject) => {
    const env: Record<string, string> = { ...(process.env as Record<string, string>) }
    delete env['ACCOUNT_OWNERSHIP_STORE']
    const child = spawn(process.execPath, ['--import', loader, main, ...args], { cwd: options.cwd ?? process.cwd(), env })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })

/** The executable's command line as one shell-quoted string, to run under a pseudo-terminal (`script`). */
export const shellCommand = (args: ReadonlyArray<string>): string =>
  [process.execPath, '--import', loader, main, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')
