// Resolve hook: `@account-ownership/<package>[/<entry>]` → packages/<package>/dist/<entry>.js.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const packages = new URL('../../', import.meta.url)

export async function resolve(specifier, context, nextResolve) {
  const match = /^@account-ownership\/([a-z0-9-]+)(?:\/([a-z0-9/-]+))?$/.exec(specifier)
  if (match !== null) {
    const entry = match[2] ?? 'index'
    for (const candidate of [`${match[1]}/dist/${entry}.js`, `${match[1]}/dist/${entry}/index.js`]) {
      const url = new URL(candidate, packages)
      if (existsSync(fileURLToPath(url))) return nextResolve(url.href, context)
    }
  }
  return nextResolve(specifier, context)
}
