/**
 * The process's peak RSS as the kernel keeps it (`VmHWM` in /proc/self/status), reset by writing
 * 5 to /proc/self/clear_refs. A sampler on a timer cannot measure it: a synchronous rebuild or a
 * loop of statements that never yields holds the event loop, the timer never fires, and the
 * "peak" is the RSS after the work. The kernel's mark is exact however long the work runs.
 * Where /proc is missing (not Linux), `reset` answers false and `read` undefined.
 *
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs'

/** Start a new high-water mark at the RSS of now; false where the kernel offers none. */
export const resetPeakRss = (): boolean => {
  try {
    writeFileSync('/proc/self/clear_refs', '5')
    return true
  } catch {
    return false
  }
}

/** The highest RSS in bytes since the last reset (or the process's start), where the kernel tells. */
export const peakRss = (): number | undefined => {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))
    return match === null ? undefined : Number(match[1]) * 1024
  } catch {
    return undefined
  }
}
