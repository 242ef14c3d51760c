import { spawnSync } from 'node:child_process'
import { readdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { scratchDir } from './scratch-dir.js'

const scratch = scratchDir('node-version')
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const built = join(root, 'packages', 'store-sqlite', 'dist')

// The system's Node older than 22, if there is one (Debian's /usr/bin/node is 20 here).
const oldNode = ['/usr/bin/node', '/bin/node', '/usr/local/bin/node'].find((candidate) => {
  const version = spawnSync(candidate, ['--version'], { encoding: 'utf8' })
  return version.status === 0 && Number(version.stdout.trim().replace(/^v/, '').split('.')[0]) < 22
})

// As a user gets it from the registry: the built JavaScript, with core resolved to its build too
// (in the workspace core's exports point at TypeScript sources no Node 20 can load).
const userApp = () => {
  const hooks = scratch.file('hooks.mjs')
  writeFileSync(
    hooks,
    `export async function resolve(specifier, context, next) {
      if (specifier === '@account-ownership/core') return { url: ${JSON.stringify(pathToFileURL(join(root, 'packages', 'core', 'dist', 'index.js')).href)}, shortCircuit: true }
      return next(specifier, context)
    }`,
  )
  const register = scratch.file('register.mjs')
  writeFileSync(register, `import { register } from 'node:module'\nregister(${JSON.stringify(pathToFileURL(hooks).href)})`)
  const app = scratch.file('app.mjs')
  writeFileSync(
    app,
    `const { openSqliteEventStore } = await import(${JSON.stringify(pathToFileURL(join(built, 'index.js')).href)})
    const opened = openSqliteEventStore({ path: ${JSON.stringify(scratch.file('kunden.db'))} })
    console.log('opened:', opened._tag)`,
  )
  return (node: string) => spawnSync(node, ['--import', register, app], { encoding: 'utf8' })
}

const newest = (dir: string): number => Math.max(...readdirSync(dir).map((name) => statSync(join(dir, name)).mtimeMs))

describe.skipIf(oldNode === undefined)(`on a Node older than 22${oldNode === undefined ? ' — skipped: no such Node on this machine' : ''}`, () => {
  beforeAll(() => {
    // The test command builds first; run on its own, build what is out of date.
    const src = join(root, 'packages', 'store-sqlite', 'src')
    if (newest(built) >= newest(src)) return
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', join(root, 'packages', 'store-sqlite')], { encoding: 'utf8' })
    expect(tsc.status, tsc.stdout).toBe(0)
  }, 300_000)

  it('importing the store fails at import with a message naming the version needed, not a segmentation fault', () => {
    const run = userApp()
    const old = run(oldNode!)
    expect(old.status).toBe(1) // today's alternative was 139, SIGSEGV on first use
    expect(old.stderr).toMatch(/@account-ownership\/store-sqlite needs Node\.js 22 or newer .*this is Node\.js 20\./)
    expect(old.stdout).not.toMatch(/opened/)

    // The same app on the Node the tests run on opens its store: the harness itself is sound.
    const current = run(process.execPath)
    expect(current.stderr).toBe('')
    expect(current.stdout.trim()).toBe('opened: Right')
  })
})
