/**
 * A child process running one of the TypeScript scripts beside this file, on the same Node as the
 * tests, so that the reliability tests stand on real, separate processes.
 *
 * @module
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process'
import { dirname, join } from 'node:path'
import type { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))

/** Start `script` (a file in test/processes) with `args`; stdout is piped, stderr shown. */
export const spawnChild = (script: string, args: ReadonlyArray<string>): ChildProcessByStdio<null, Readable, null> =>
  spawn(process.execPath, ['--import', 'tsx', join(here, script), ...args], { cwd: join(here, '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] })

/** Everything a child printed, once it exited successfully. */
export const outputOf = (child: ChildProcessByStdio<null, Readable, null>): Promise<string> =>
  new Promise((resolve, reject) => {
    let out = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
    child.on('error', reject)
    child.on('close', (code, signal) => (code === 0 ? resolve(out) : reject(new Error(`child exited with ${code ?? signal}: ${out.slice(-500)}`))))
  })
