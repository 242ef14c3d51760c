// The HTML timeline (`history <account> --format html`) rendered in headless Chromium: one file
// that loads nothing from outside, shows owner bars named after the owners, the grant and team
// bars, the archive and the offboarding marks; its screenshot is kept in docs/cli-timeline.png.
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { writeAuditLog } from './audit-log-fixture.js'
import { runBinary } from './cli-process.js'
import { scratchDir } from './scratch-dir.js'

// Each test starts the executable a few times; on a shared, loaded machine one start can take 20 s.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 })

const dir = scratchDir('html')
const log = join(dir, 'kunden.db')
const page = join(dir, 'kunde-1.html')
const docs = fileURLToPath(new URL('../../../docs/', import.meta.url))
const chromiumPath = '/usr/bin/chromium'
let browser: Browser | undefined

beforeAll(async () => {
  await writeAuditLog(log)
  const run = runBinary(['--store', `sqlite:${log}`, 'history', 'kunde-1', '--format', 'html', '--output', page])
  expect(run.code).toBe(0)
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  })
})

afterAll(async () => {
  await browser?.close()
})

describe.skipIf(!existsSync(chromiumPath))('the HTML timeline in Chromium', () => {
  it('is one file with nothing from outside', () => {
    const html = readFileSync(page, 'utf8')
    expect(html).toMatch(/^<!DOCTYPE html>/)
    expect(html).not.toMatch(/<script|<link|(src|href)=|url\(/i)
    expect(html).toContain('<svg')
  })

  it('shows owners and grants as bars over time, the archive and the offboarding marked', async () => {
    const tab = await browser!.newPage({ viewport: { width: 1100, height: 800 } })
    const requests: string[] = []
    tab.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url())
    })
    await tab.goto(`file://${page}`)
    const shown = await tab.evaluate(() => {
      const texts = (selector: string) => [...document.querySelectorAll(selector)].map((e) => e.textContent ?? '')
      const visible = (selector: string) => [...document.querySelectorAll(selector)].every((e) => e.getBoundingClientRect().width > 0)
      return {
        owners: texts('svg g.bar.owner > text'),
        grants: texts('svg g.bar.grant > text'),
        team: texts('svg g.bar.team > text'),
        marks: [...document.querySelectorAll('svg g.mark')].map((e) => e.getAttribute('class')),
        markLabels: texts('svg g.mark > text'),
        barsVisible: visible('svg g.bar rect'),
        archiveBand: document.querySelectorAll('svg rect.archive-band').length,
        heading: document.querySelector('h1')?.textContent,
      }
    })
    expect(shown.owners).toEqual(['hanna', 'felix'])
    expect(shown.grants).toEqual(['sven'])
    expect(shown.team).toEqual(['petra'])
    expect(shown.marks).toEqual(['mark opened', 'mark archived', 'mark restored'])
    expect(shown.markLabels).toContain('archived (churned)')
    expect(shown.barsVisible).toBe(true)
    expect(shown.archiveBand).toBe(1)
    expect(shown.heading).toBe('Ownership and access timeline of kunde-1')
    // The owner bars follow each other in time: hanna's ends where felix's begins.
    const edges = await tab.evaluate(() => [...document.querySelectorAll('svg g.bar.owner rect')].map((r) => [Number(r.getAttribute('x')), Number(r.getAttribute('width'))]))
    expect(edges[0]![0]! + edges[0]![1]!).toBeCloseTo(edges[1]![0]!, 0)
    mkdirSync(docs, { recursive: true })
    await tab.screenshot({ path: join(docs, 'cli-timeline.png'), fullPage: true })
    expect(requests).toEqual([])
    await tab.close()
  })

  it('the Art. 15 report of an employee draws their access per account', async () => {
    const report = join(dir, 'sven.html')
    expect(runBinary(['--store', `sqlite:${log}`, 'report', 'subject', 'principal:sven', '--format', 'html', '--output', report]).code).toBe(0)
    expect(readFileSync(report, 'utf8')).not.toMatch(/<script|<link|(src|href)=|url\(/i)
    const tab = await browser!.newPage()
    await tab.goto(`file://${report}`)
    const shown = await tab.evaluate(() => ({
      grants: [...document.querySelectorAll('svg g.bar.grant > text')].map((e) => e.textContent),
      cells: [...document.querySelectorAll('table td')].map((e) => e.textContent),
    }))
    expect(shown.grants).toEqual(['kunde-1'])
    expect(shown.cells).toEqual(expect.arrayContaining(['grant-1', 'customer-support', 'art6-1-b-contract']))
    await tab.close()
  })

  it('marks the offboarding of someone who owned the account', async () => {
    const other = join(dir, 'kunde-2.html')
    expect(runBinary(['--store', `sqlite:${log}`, 'history', 'kunde-2', '--format', 'html', '--output', other]).code).toBe(0)
    const tab = await browser!.newPage()
    await tab.goto(`file://${other}`)
    const marks = await tab.evaluate(() => [...document.querySelectorAll('svg g.mark > text')].map((e) => e.textContent))
    expect(marks).toEqual(expect.arrayContaining(['offboarded: otto', 'orphaned (owner-offboarded)']))
    await tab.close()
  })
})
