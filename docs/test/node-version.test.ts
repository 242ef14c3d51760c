// Users and the README agree on the Node versions supported: every package declares
// `engines.node` ">=22", and the README says Node 22 or newer.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const packages = readdirSync(join(root, 'packages')).filter((d) => existsSync(join(root, 'packages', d, 'package.json')))

it.each(packages)('packages/%s declares engines.node >=22', (dir) => {
  const manifest = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) as { engines?: { node?: string } }
  expect(manifest.engines?.node).toBe('>=22')
})

it('the README says the packages need Node 22 or newer', () => {
  expect(readFileSync(join(root, 'README.md'), 'utf8')).toMatch(/Node 22 or newer[\s\S]{0,40}engines: \{ node: ">=22" \}/)
})
