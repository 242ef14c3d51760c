/**
 * The calendar of a time zone (Zeitzone), as far as retention needs it: in which calendar year an
 * instant falls there, and at which instant a year begins there. The zone's rules — summer time,
 * historical changes of offset — come from the runtime's time zone database through
 * `Intl.DateTimeFormat`, so a rule changed by law after the runtime was built is known only to a
 * newer runtime. Years are proleptic Gregorian and astronomical (1 BC is the year 0).
 *
 * Not a date library: `@date-fns/tz` 1.5.0, the small one we would pick, puts midnight on the
 * wrong side of UTC in zones whose offset has seconds (local mean time before the zones were
 * standardised, Monrovia until 1972): compared over every zone `Intl` knows, its start of year
 * differed from the zone's own wall clock in 33 of 46,398 years from 1950 to 2060, and in 41,459 of
 * 109,098 from 1800. Read from `Intl`'s wall clock, as here, none differs (the property test).
 *
 * @module
 */
import { leastRecentlyUsed } from '@account-ownership/core'

/**
 * The calendar years of one time zone.
 * @category retention
 * @since 0.4.0
 */
export interface ZoneCalendar {
  /** The calendar year there of the instant `epochMillis`. */
  readonly yearAt: (epochMillis: number) => number
  /**
   * The first instant whose calendar year there is `year`: midnight of 1 January — the earlier
   * one where clocks are set back over it — or, where the clocks jump over midnight, the instant
   * they jump.
   */
  readonly startOfYear: (year: number) => number
}

const day = 86_400_000

// The instant whose UTC wall clock reads the fields: what a zone's wall clock is compared with.
// `Date.UTC` would read the years 0 to 99 as 1900 to 1999.
const utcMillis = (year: number, month: number, date: number, hours = 0, minutes = 0, seconds = 0, millis = 0): number => {
  const at = new Date(0)
  at.setUTCFullYear(year, month, date)
  return at.setUTCHours(hours, minutes, seconds, millis)
}

/**
 * UTC: the calendar of `Date`'s UTC fields, without a time zone database.
 * @category retention
 * @since 0.4.0
 */
export const utcCalendar: ZoneCalendar = {
  yearAt: (epochMillis) => new Date(epochMillis).getUTCFullYear(),
  startOfYear: (year) => utcMillis(year, 0, 1),
}

const calendarOf = (format: Intl.DateTimeFormat): ZoneCalendar => {
  // The zone's wall clock at `epochMillis`, as the instant whose UTC wall clock reads the same.
  const wallClock = (epochMillis: number): number => {
    const field: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {}
    for (const part of format.formatToParts(epochMillis)) field[part.type] = part.value
    const yearOfEra = Number(field.year)
    const year = field.era === 'BC' ? 1 - yearOfEra : yearOfEra
    return utcMillis(year, Number(field.month) - 1, Number(field.day), Number(field.hour), Number(field.minute), Number(field.second), Number(field.fractionalSecond))
  }
  const offsetAt = (epochMillis: number): number => wallClock(epochMillis) - epochMillis
  return {
    yearAt: (epochMillis) => new Date(wallClock(epochMillis)).getUTCFullYear(),
    startOfYear: (year) => {
      const midnight = utcMillis(year, 0, 1)
      // Midnight read with the offsets in force a day before and a day after: where they differ,
      // a change of offset lies between, and of the readings only those the clock shows are real.
      const readings = [midnight - offsetAt(midnight - day), midnight - offsetAt(midnight + day)].sort((a, b) => a - b)
      const [earlier = midnight, later = midnight] = readings
      for (const at of readings) if (wallClock(at) === midnight) return at
      // The clocks jumped over midnight between the two readings: the year begins at the jump,
      // the first millisecond whose wall clock is past midnight.
      let [before, after] = [earlier, later]
      while (after - before > 1) {
        const middle = before + Math.floor((after - before) / 2)
        if (wallClock(middle) >= midnight) after = middle
        else before = middle
      }
      return after
    },
  }
}

// A policy names one zone, a projection asks for every archive: a formatter is built once per zone.
const calendars = leastRecentlyUsed<string, ZoneCalendar>(64)

/**
 * The calendar of the IANA time zone `timeZone` (`Europe/Berlin`), or `undefined` for a name the
 * runtime's time zone database does not know. A fixed offset (`+01:00`) is no zone: it knows no
 * summer time, and is refused too.
 * @category retention
 * @since 0.4.0
 * @example
 * zoneCalendar('Europe/Berlin')?.startOfYear(2034) // Date.parse('2033-12-31T23:00:00.000Z')
 */
export const zoneCalendar = (timeZone: string): ZoneCalendar | undefined => {
  if (typeof timeZone !== 'string') return undefined
  const known = calendars.get(timeZone)
  if (known !== undefined) return known
  let format: Intl.DateTimeFormat
  try {
    // Gregorian with Latin digits and the era whatever the runtime's default locale, 00–23 hours.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      fractionalSecondDigits: 3,
    })
  } catch {
    return undefined
  }
  if (/^[+-]/.test(format.resolvedOptions().timeZone)) return undefined
  const calendar = calendarOf(format)
  calendars.set(timeZone, calendar)
  return calendar
}
