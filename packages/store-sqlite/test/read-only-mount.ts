/**
 * A directory mounted read-only, for the tests of what the auditor and the store do on read-only
 * media. The tests run as root, and root ignores permission bits, so `chmod 555` proves nothing:
 * a read-only bind mount does. Where it cannot be made (not root, no mount), `reason` says why and
 * the tests that need it are skipped with that notice.
 *
 * @module
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

const run = (args: ReadonlyArray<string>): boolean => spawnSync(args[0]!, args.slice(1), { stdio: 'ignore' }).status === 0

/** `source` is writable; `mounted` shows the same files read-only. Or the reason there is none. */
export const readOnlyMount = (): { readonly source: string; readonly mounted: string } | { readonly reason: string } => {
  if (process.getuid?.() !== 0) return { reason: 'a read-only bind mount needs root' }
  const base = mkdtempSync(join(tmpdir(), 'ao-ro-mount-'))
  const source = join(base, 'source')
  const mounted = join(base, 'mounted')
  mkdirSync(source)
  mkdirSync(mounted)
  if (!run(['mount', '--bind', source, mounted])) {
    rmSync(base, { recursive: true, force: true })
    return { reason: 'mount --bind failed (no privilege to mount here)' }
  }
  afterAll(() => {
    run(['umount', mounted])
    rmSync(base, { recursive: true, force: true })
  })
  if (!run(['mount', '-o', 'remount,bind,ro', mounted])) return { reason: 'remounting the bind mount read-only failed' }
  return { source, mounted }
}
