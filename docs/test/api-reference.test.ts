// The API reference is generated from TSDoc by TypeDoc (typedoc.json at the root: every package
// under packages/, each over the entry points of its exports map) into docs/api/, which git
// ignores. Warnings are errors there: an export without documentation, a {@link} to nothing or a
// README link to a missing file fails the build. A small package with exactly those faults shows
// that the configuration catches them.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const typedoc = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'node_modules/typedoc/bin/typedoc'), '--options', join(root, 'typedoc.json'), ...args], { cwd: root, encoding: 'utf8' })
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '')

describe('the API reference', () => {
  it('builds from every package without a warning', () => {
    rmSync(join(root, 'docs/api'), { recursive: true, force: true })
    const run = typedoc()
    const faults = plain(run.stdout + run.stderr).split('\n').filter((l) => /\[(warning|error)\]/.test(l))
    // The first few in full, so a failure says what to fix.
    expect({ count: faults.length, first: faults.slice(0, 10) }).toEqual({ count: 0, first: [] })
    expect(run.status).toBe(0)
    const modules = readFileSync(join(root, 'docs/api/modules.html'), 'utf8')
    const packages = readdirSync(join(root, 'packages')).filter((d) => existsSync(join(root, 'packages', d, 'src/index.ts')))
    expect(packages.filter((d) => !modules.includes(`@account-ownership/${d}`))).toEqual([])
  })
})

// A package of one module, written to a temporary folder; built without the repository's README
// (whose links lead to this repository's packages), with its own README as its page.
const packageWith = (index: string, readme: string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'typedoc-faults-'))
  made.push(dir)
  mkdirSync(join(dir, 'src'))
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'faulty', version: '0.0.0', type: 'module', exports: { '.': './src/index.ts' } }))
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true }, include: ['src'] }))
  writeFileSync(join(dir, 'README.md'), readme)
  writeFileSync(join(dir, 'src/index.ts'), `/**\n * A package with a fault.\n * @module\n */\n${index}\n`)
  return dir
}
const made: string[] = []
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })))
const documented = '/** The answer. */\nexport const answer = 42'

it('builds a package without faults: the faults below are what fails them', () => {
  const dir = packageWith(documented, '# faulty\n\nSee [the source](src/index.ts).\n')
  const run = typedoc('--entryPoints', dir, '--out', join(dir, 'api'), '--readme', 'none')
  expect(plain(run.stdout + run.stderr)).not.toMatch(/\[(warning|error)\]/)
  expect(run.status).toBe(0)
})

describe.each([
  ['an export without documentation', packageWith('export const undocumentedAnswer = 42', '# faulty\n'), /undocumentedAnswer.*does not have any documentation/],
  ['a {@link} to nothing', packageWith(`${documented}\n/** Points at {@link nothingByThisName}. */\nexport const pointer = 1`, '# faulty\n'), /nothingByThisName/],
  ['a README link to a missing file', packageWith(documented, '# faulty\n\nSee [the guide](docs/missing-guide.md).\n'), /missing-guide\.md/],
])('a package with %s', (_, dir, named) => {
  it('fails the build, naming the fault', () => {
    const run = typedoc('--entryPoints', dir, '--out', join(dir, 'api'), '--readme', 'none')
    expect(plain(run.stdout + run.stderr)).toMatch(named)
    expect(run.status).not.toBe(0)
  })
})
