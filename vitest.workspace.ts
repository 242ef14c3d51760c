// The root test config: one vitest project per package and example, each running the
// `test/**/*.test.ts` files beside its `src/`, and one for docs/. Every test file of the repository is picked up here.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { defineConfig } from 'vitest/config'

const projects = ['packages', 'examples'].flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'test')))
    .map((name) => ({
      test: {
        name: dir === 'examples' ? `example-${name}` : name,
        root: join(dir, name),
        include: ['test/**/*.test.ts'],
        testTimeout: 60_000,
        hookTimeout: 60_000,
      },
    })),
)

// The docs are checked like a package: their code blocks are excerpts of tested examples, and
// the API reference builds from TSDoc without a warning.
const docs = { test: { name: 'docs', root: 'docs', include: ['test/**/*.test.ts'], testTimeout: 600_000, hookTimeout: 60_000 } }

// The benchmarks' smoke test: the comparison with Emmett and the raw drivers in small, without
// the peers (installed only by `pnpm bench`), so that the benchmark cannot rot between runs.
const bench = { test: { name: 'bench', root: 'bench', include: ['test/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 60_000 } }

export default defineConfig({ test: { projects: [...projects, docs, bench] } })
