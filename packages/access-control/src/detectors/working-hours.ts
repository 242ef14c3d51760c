/**
 * Working hours (Arbeitszeit) in the company's time zone: whether an instant falls on a working
 * day between the start and the end of work, local time — summer time included.
 *
 * @module
 */
import type { Instant } from '@account-ownership/core'
import type { DetectorSettings } from './detector-settings.js'

const formats = new Map<string, Intl.DateTimeFormat>()

const localOf = (at: Instant, timeZone: string): { readonly day: string; readonly time: string } => {
  let format = formats.get(timeZone)
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    formats.set(timeZone, format)
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(at)).map((p) => [p.type, p.value]))
  return { day: String(parts.weekday).toLowerCase().slice(0, 3), time: `${parts.hour}:${parts.minute}` }
}

/**
 * Whether `at` lies within the working hours.
 * @category detectors
 * @since 0.3.0
 * @example
 * withinWorkingHours('2026-03-12T06:30:00Z', defaultDetectorSettings.workingHours) // true: 07:30 in Berlin, a Thursday
 */
export const withinWorkingHours = (at: Instant, hours: DetectorSettings['workingHours']): boolean => {
  const local = localOf(at, hours.timeZone)
  return (hours.days as ReadonlyArray<string>).includes(local.day) && hours.from <= local.time && local.time < hours.to
}
