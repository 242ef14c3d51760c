/**
 * Packing and installing as an npm user would: the packages are built, packed as `pnpm publish`
 * packs them (workspace ranges replaced, publishConfig exports into dist), and the tarballs are
 * installed with plain npm into an empty folder, beside the third-party packages the user picks —
 * nothing linked from the workspace. The workspace's TypeScript then type-checks the user's app
 * against the installed `.d.ts` files and compiles it, and Node runs it.
 *
 * @module
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterAll } from 'vitest'

const root = resolve(import.meta.dirname, '../../..')
const packagesDir = join(root, 'packages')
const appDir = resolve(import.meta.dirname, '../app')

/** The folder names of the packages that are published (not private). */
export const publishable = readdirSync(packagesDir).filter((name) => {
  const manifest = join(packagesDir, name, 'package.json')
  return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).private !== true
})

// Node 24 (the pinned one this test runs on) first on the PATH, for npm and the install scripts
// it runs (better-sqlite3 fetches the binary built for this Node).
const env = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` }
const tsc = join(dirname(createRequire(join(root, 'package.json')).resolve('typescript/package.json')), 'bin', 'tsc')

// pnpm 12 is a single executable; under `pnpm test` npm_execpath names it.
const pnpm = (args: ReadonlyArray<string>, cwd: string): string =>
  process.env.npm_execpath?.includes('pnpm')
    ? execFileSync(process.env.npm_execpath, args, { cwd, encoding: 'utf8', env })
    : execFileSync('npx', ['--yes', 'pnpm@12.21.0', ...args], { cwd, encoding: 'utf8', env })

// Two test files build at once under `pnpm test`; tsc -b writes the same dist files, so one at a
// time. A lock left by a killed run is taken over after five minutes.
const oneBuildAtATime = <A>(work: () => A): A => {
  const lock = join(root, 'node_modules', '.cache', 'npm-consumer-build.lock')
  mkdirSync(dirname(lock), { recursive: true })
  const pause = new Int32Array(new SharedArrayBuffer(4))
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()
      if (Date.now() - since > 300_000) rmSync(lock, { recursive: true, force: true })
      Atomics.wait(pause, 0, 0, 250)
    }
  }
  try {
    return work()
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

/**
 * Build `names` (tsc -b: the publishConfig exports point into dist) and pack each into a
 * temporary folder removed after the file; answers the tarball of each.
 */
export const packed = (names: ReadonlyArray<string>): ReadonlyMap<string, string> => {
  const build = oneBuildAtATime(() => spawnSync(process.execPath, [tsc, '-b', ...names.map((name) => join(packagesDir, name))], { cwd: root, encoding: 'utf8' }))
  if (build.status !== 0) throw new Error(`the packages do not build, so they cannot be packed:\n${build.stdout}${build.stderr}`)
  const out = mkdtempSync(join(tmpdir(), 'ao-packed-'))
  afterAll(() => rmSync(out, { recursive: true, force: true }))
  return new Map(
    names.map((name) => {
      const into = join(out, name)
      mkdirSync(into)
      pnpm(['pack', '--pack-destination', into], join(packagesDir, name))
      return [name, join(into, readdirSync(into).find((f) => f.endsWith('.tgz'))!)]
    }),
  )
}

/** An empty folder with the given tarballs and registry packages installed by one `npm install`, and the apps of `app/`. */
export const npmConsumer = (label: string, tarballs: ReadonlyArray<string>, registryPackages: ReadonlyArray<string>): string => {
  const dir = mkdtempSync(join(tmpdir(), `ao-consumer-${label}-`))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${label}`, private: true, type: 'module' }, null, 2))
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs, ...registryPackages], { cwd: dir, encoding: 'utf8', env })
  for (const file of readdirSync(appDir)) copyFileSync(join(appDir, file), join(dir, file))
  return dir
}

/** Type-check `files` in `dir` against what is installed there (declaration files too) and compile them to `out/`; answers tsc's output, empty when clean. */
export const typeCheck = (dir: string, files: ReadonlyArray<string>): string => {
  const compilerOptions = { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2023', lib: ['ES2023'], strict: true, skipLibCheck: false, types: ['node'], rootDir: '.', outDir: 'out' }
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files }, null, 2))
  const result = spawnSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8' })
  return `${result.stdout}${result.stderr}`.trim()
}

/** Run `script` in `dir` on this Node; answers exit status and output. */
export const runNode = (dir: string, args: ReadonlyArray<string>) => {
  const result = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env })
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() }
}

/** Import each of `specifiers` in `dir`, in one Node process; answers for each the number of its exports, or the error's code and message. */
export const importsIn = (dir: string, specifiers: ReadonlyArray<string>) => {
  const script = `const out = {}
for (const s of ${JSON.stringify(specifiers)}) {
  try { out[s] = { exports: Object.keys(await import(s)).length } } catch (e) { out[s] = { code: e.code, message: e.message } }
}
console.log(JSON.stringify(out))`
  const run = runNode(dir, ['--input-type=module', '-e', script])
  return JSON.parse(run.stdout || JSON.stringify({ stderr: run.stderr })) as Record<string, { readonly exports?: number; readonly code?: string; readonly message?: string }>
}
