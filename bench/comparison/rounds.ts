/**
 * Rounds of the comparison: every system does the same block of work in each round, the order of
 * the systems turned by one each round, so that whatever else the machine does falls on all of
 * them alike; a figure is the median of the rounds, with their min and max. Peak RSS is the
 * kernel's high-water mark, reset before each block (see `../peak-rss.ts`); it is the process's,
 * so it includes what was loaded and left allocated before the block, which the RSS at the
 * block's start shows beside it.
 *
 * @module
 */
import { performance } from 'node:perf_hooks'
import { peakRss, resetPeakRss } from '../peak-rss.js'
import type { Contender } from './contender.js'

/** The rates of one system over the rounds, and the highest RSS seen while it worked. */
export interface Figure {
  readonly name: string
  readonly rates: ReadonlyArray<number>
  readonly peakRssMb: number
  /** The RSS at the start of the block that reached `peakRssMb`, where the figure was taken in this process. */
  readonly startRssMb?: number
}

const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

/** A whole number with thousands separators. */
export const whole = (x: number): string => Math.round(x).toLocaleString('en-US')

/**
 * Runs `block` for each system in each of `rounds` rounds; `block` answers how many units
 * (operations or events) it did. Answers one figure per system, in the order given.
 */
export const inRounds = async <C extends { readonly name: string }>(systems: ReadonlyArray<C>, rounds: number, block: (system: C, round: number) => Promise<number>): Promise<Figure[]> => {
  const rates = systems.map(() => [] as number[])
  const peaks = systems.map(() => 0)
  const starts = systems.map(() => 0)
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < systems.length; k++) {
      const i = (k + r) % systems.length
      const startRss = process.memoryUsage.rss()
      // Without the kernel's mark, a 20 ms sampler is all there is; it misses what a block that
      // never yields reaches, which the kernel's mark does not.
      const kernel = resetPeakRss()
      let sampled = startRss
      const sampler = kernel ? undefined : setInterval(() => (sampled = Math.max(sampled, process.memoryUsage.rss())), 20)
      const start = performance.now()
      const units = await block(systems[i]!, r)
      const seconds = (performance.now() - start) / 1000
      clearInterval(sampler)
      const peak = Math.max(sampled, process.memoryUsage.rss(), (kernel ? peakRss() : undefined) ?? 0)
      if (peak > peaks[i]!) {
        peaks[i] = peak
        starts[i] = startRss
      }
      rates[i]!.push(units / seconds)
    }
  }
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20)
  return systems.map((s, i) => ({ name: s.name, rates: rates[i]!, peakRssMb: mb(peaks[i]!), startRssMb: mb(starts[i]!) }))
}

/** The median rate of a figure. */
export const medianOf = (figure: Figure): number => median(figure.rates)

/** A markdown table of figures, each also as a share of the first (the baseline). */
export const table = (unit: string, figures: ReadonlyArray<Figure>): string[] => {
  const base = medianOf(figures[0]!)
  return [
    `| system | ${unit} (median) | min | max | of ${figures[0]!.name} | peak RSS (MB) | RSS at its block's start (MB) |`,
    '|---|---:|---:|---:|---:|---:|---:|',
    ...figures.map(
      (f) => `| ${f.name} | ${whole(medianOf(f))} | ${whole(Math.min(...f.rates))} | ${whole(Math.max(...f.rates))} | ${((medianOf(f) / base) * 100).toFixed(0)} % | ${f.peakRssMb} | ${f.startRssMb ?? '–'} |`,
    ),
  ]
}

/** What the check after a run found for one system. */
export interface Stored {
  readonly name: string
  readonly count: number
  readonly missing: number
  readonly unexpected: number
  /** Operations it tried again (see `Contender.retried`). */
  readonly retried: number
}

/** Compares what each system stored with the events it was given (as multisets of keys). */
export const checkStored = async (systems: ReadonlyArray<Contender>, given: ReadonlyArray<string>): Promise<Stored[]> => {
  const counts = (keys: ReadonlyArray<string>) => {
    const m = new Map<string, number>()
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1)
    return m
  }
  const want = counts(given)
  const found: Stored[] = []
  for (const system of systems) {
    const have = counts(await system.stored())
    let missing = 0
    let unexpected = 0
    for (const [k, n] of want) missing += Math.max(0, n - (have.get(k) ?? 0))
    for (const [k, n] of have) unexpected += Math.max(0, n - (want.get(k) ?? 0))
    found.push({ name: system.name, count: [...have.values()].reduce((a, b) => a + b, 0), missing, unexpected, retried: system.retried?.() ?? 0 })
  }
  return found
}

/** One line per system saying whether it stored exactly what it was given. */
export const checkLines = (found: ReadonlyArray<Stored>, given: number): string[] =>
  found.map(
    (s) =>
      (s.missing === 0 && s.unexpected === 0
        ? `- ${s.name}: ${whole(s.count)} events, exactly the ${whole(given)} given.`
        : `- **${s.name}: ${whole(s.count)} events stored for ${whole(given)} given — ${s.missing} missing, ${s.unexpected} not given.**`) +
      (s.retried === 0 ? '' : ` ${whole(s.retried)} operations failed with SQLITE_BUSY and were tried again.`),
  )

/** Whether every system stored exactly what it was given. */
export const allExact = (found: ReadonlyArray<Stored>): boolean => found.every((s) => s.missing === 0 && s.unexpected === 0)
