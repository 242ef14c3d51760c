// What an npm user gets: each publishable package is packed as `pnpm publish` would pack it, then
// installed into a throw-away consumer; every entry point must import at run time and resolve
// its types under TypeScript's NodeNext rules. Needs the build (`tsc -b`) the test command runs.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../../..')
const packagesDir = join(root, 'packages')
const publishable = readdirSync(packagesDir).filter((name) => {
  const manifest = join(packagesDir, name, 'package.json')
  return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).private !== true
})
const consumer = mkdtempSync(join(tmpdir(), 'ao-consumer-'))
const modules = join(consumer, 'node_modules')
mkdirSync(join(modules, '@account-ownership'), { recursive: true })
afterAll(() => rmSync(consumer, { recursive: true, force: true }))

// pnpm 12 is a single executable; under `pnpm test` npm_execpath names it.
const pnpm = (args: string[], cwd: string) =>
  process.env.npm_execpath?.includes('pnpm')
    ? execFileSync(process.env.npm_execpath, args, { cwd, encoding: 'utf8' })
    : execFileSync('npx', ['--yes', 'pnpm@12.21.0', ...args], { cwd, encoding: 'utf8' })

/* The folder of an installed package, whether or not its exports map lists package.json. */
const packageDirOf = (need: NodeRequire, name: string): string | undefined => {
  for (const request of [`${name}/package.json`, name]) {
    try {
      let dir = dirname(need.resolve(request))
      while (dir !== dirname(dir)) {
        const manifest = join(dir, 'package.json')
        if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === name) return dir
        dir = dirname(dir)
      }
    } catch {
      // not resolvable this way; try the next
    }
  }
  return undefined
}

interface Manifest {
  name: string
  exports: Record<string, { types: string; default: string }>
  dependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
}

const install = (name: string): Manifest => {
  const dir = join(packagesDir, name)
  const out = mkdtempSync(join(consumer, 'pack-'))
  pnpm(['pack', '--pack-destination', out], dir)
  const tarball = readdirSync(out).find((f) => f.endsWith('.tgz'))!
  const target = join(modules, '@account-ownership', name)
  mkdirSync(target, { recursive: true })
  execFileSync('tar', ['xzf', join(out, tarball), '-C', target, '--strip-components=1'])
  const manifest = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8')) as Manifest
  // Third-party dependencies (and their @types) come from the workspace's install, linked where
  // Node and TypeScript look for them, as a user's own install would place them.
  const need = createRequire(join(dir, 'package.json'))
  for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }).flatMap((d) => [d, `@types/${d.replace('@', '').replace('/', '__')}`])) {
    if (dep.startsWith('@account-ownership/') || existsSync(join(modules, dep))) continue
    const found = packageDirOf(need, dep)
    if (found === undefined) continue
    mkdirSync(dirname(join(modules, dep)), { recursive: true })
    symlinkSync(found, join(modules, dep), 'dir')
  }
  return manifest
}

describe('packed packages, as npm users get them', () => {
  const manifests = new Map(publishable.map((name) => [name, install(name)]))

  it.each(publishable)('%s: exports point into dist, workspace ranges are replaced, files exist', (name) => {
    const manifest = manifests.get(name)!
    const target = join(modules, '@account-ownership', name)
    for (const entry of Object.values(manifest.exports)) {
      expect(entry.types).toMatch(/^\.\/dist\/.*\.d\.ts$/)
      expect(entry.default).toMatch(/^\.\/dist\/.*\.js$/)
      expect(existsSync(join(target, entry.types))).toBe(true)
      expect(existsSync(join(target, entry.default))).toBe(true)
    }
    expect(JSON.stringify(manifest)).not.toContain('workspace:')
  })

  it.each(publishable)('%s: every entry point imports at run time', (name) => {
    const manifest = manifests.get(name)!
    for (const sub of Object.keys(manifest.exports)) {
      if (sub.endsWith('/testing')) continue // the test kit imports vitest, a dev-time peer
      const specifier = `@account-ownership/${name}${sub === '.' ? '' : sub.slice(1)}`
      const script = `import(${JSON.stringify(specifier)}).then((m) => console.log(Object.keys(m).length))`
      const count = Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: consumer, encoding: 'utf8' }).trim())
      expect(count).toBeGreaterThan(0)
    }
  })

  it('every entry point resolves its types under NodeNext', () => {
    const imports = [...manifests].flatMap(([name, manifest]) =>
      Object.keys(manifest.exports).map((sub, i) => `import * as ${name.replace(/\W/g, '_')}${i} from '@account-ownership/${name}${sub === '.' ? '' : sub.slice(1)}'\nvoid ${name.replace(/\W/g, '_')}${i}`),
    )
    writeFileSync(join(consumer, 'consumer.ts'), imports.join('\n') + '\nexport {}\n')
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2023', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['consumer.ts'] }),
    )
    const tsc = join(dirname(createRequire(join(root, 'package.json')).resolve('typescript/package.json')), 'bin', 'tsc')
    const result = (() => {
      try {
        return execFileSync(process.execPath, [tsc, '-p', consumer], { encoding: 'utf8' })
      } catch (e) {
        return (e as { stdout?: string }).stdout ?? String(e)
      }
    })()
    expect(result).toBe('')
  })
})
