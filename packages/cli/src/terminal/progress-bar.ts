/**
 * The progress bar of long work (replay, rebuild, verify, import, copy): events done of the
 * total, the rate and the time left (cli-progress), drawn on standard error only when a person
 * watches; piped or redirected, the command stays quiet.
 *
 * @module
 */
import { SingleBar } from 'cli-progress'
import type { Terminal } from './terminal.js'

/**
 * A progress report to update as work is done.
 * @category terminal
 * @since 0.2.0
 */
export interface ProgressBar {
  /** `done` of `total` items are through. */
  readonly update: (done: number, total: number) => void
  /** The work has ended (or failed); the bar is finished. */
  readonly stop: () => void
}

const silent: ProgressBar = { update: () => undefined, stop: () => undefined }

/**
 * A bar labelled `label` counting `unit`s (events by default) on the terminal's progress stream,
 * or one that draws nothing.
 * @category terminal
 * @since 0.2.0
 * @example
 * const bar = progressBar(terminal, 'rebuild')
 * bar.update(500, 10_000)
 * bar.stop()
 */
export const progressBar = (terminal: Terminal, label: string, unit = 'events'): ProgressBar => {
  const stream = terminal.progressStream
  if (stream === undefined) return silent
  const bar = new SingleBar({
    stream,
    noTTYOutput: true,
    notTTYSchedule: 250,
    etaBuffer: 50,
    format: `${label} [{bar}] {value}/{total} ${unit} | {rate} ${unit}/s | ETA {eta_formatted}`,
    hideCursor: false,
  })
  const began = performance.now()
  let started = false
  const rateAt = (done: number) => {
    const seconds = (performance.now() - began) / 1000
    return seconds > 0 ? Math.round(done / seconds) : 0
  }
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done, { rate: rateAt(done) })
        started = true
      } else {
        bar.setTotal(total)
        bar.update(done, { rate: rateAt(done) })
      }
    },
    stop() {
      if (started) bar.stop()
    },
  }
}
