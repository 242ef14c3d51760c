// Docs are code that runs: every TypeScript block in README.md and docs/*.md is an exact excerpt of
// a file under examples/, named by the comment line just above the block
// (`<!-- excerpt: examples/<name>/src/<file>.ts -->`). Those files are type-checked by `tsc -b` and
// run by the examples' tests, so a block that no longer compiles or runs fails the build here.
// Every relative link of these pages must lead to a file or folder that exists.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const pages = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)]
const codeLanguages = new Set(['ts', 'typescript', 'tsx', 'js', 'javascript', 'mjs'])
const referencedProjects = (JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as { references: { path: string }[] }).references.map((r) => r.path)

interface Block {
  readonly line: number
  readonly language: string
  readonly source: string
  readonly excerptOf: string | undefined
}

/** The fenced blocks of a Markdown page, each with the excerpt marker on the line before it. */
const blocksOf = (markdown: string): Block[] => {
  const lines = markdown.split('\n')
  const blocks: Block[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\S*)\s*$/.exec(lines[i]!)
    if (open === null) continue
    const end = lines.findIndex((l, j) => j > i && /^\s*```\s*$/.test(l))
    if (end < 0) throw new Error(`unclosed code block at line ${i + 1}`)
    const marker = /^<!-- excerpt: (\S+) -->$/.exec(lines[i - 1]?.trim() ?? '')
    blocks.push({ line: i + 1, language: open[2]!, source: lines.slice(i + 1, end).join('\n') + '\n', excerptOf: marker?.[1] })
    i = end
  }
  return blocks
}

describe.each(pages)('%s', (page) => {
  const markdown = readFileSync(join(root, page), 'utf8')
  const blocks = blocksOf(markdown)

  it('names the language of every code block', () => {
    expect(blocks.filter((b) => b.language === '').map((b) => `line ${b.line}`)).toEqual([])
  })

  const code = blocks.filter((b) => codeLanguages.has(b.language))
  if (code.length > 0) it.each(code.map((b) => [b.line, b] as const))('shows at line %i an exact excerpt of a type-checked, tested example', (_, block) => {
    expect(block.excerptOf, 'the line above the block names its file: <!-- excerpt: examples/… -->').toBeDefined()
    const file = block.excerptOf!
    const project = /^examples\/[^/]+/.exec(file)?.[0]
    expect(project, `${file} lies under examples/<name>/`).toBeDefined()
    expect(referencedProjects, `${project} is type-checked (root tsconfig.json)`).toContain(project)
    expect(existsSync(join(root, project!, 'test')), `${project} has tests`).toBe(true)
    const source = readFileSync(join(root, file), 'utf8')
    expect(('\n' + source).includes('\n' + block.source), `the block is a run of whole lines of ${file}`).toBe(true)
  })

  it('links only to files and folders that exist', () => {
    const targets = [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:|^#/.test(t))
    const missing = targets.filter((t) => !existsSync(resolve(root, dirname(page), t.split('#')[0]!)))
    expect(missing.map((t) => relative(root, resolve(root, dirname(page), t)))).toEqual([])
  })
})
