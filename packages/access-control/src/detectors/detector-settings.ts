/**
 * The thresholds of the detectors of suspicious access, as configuration (Schwellenwerte): how
 * many denied attempts in how long, how many distinct accounts in how long, how close to a
 * grant's expiry, and the working hours in the company's time zone — and how long an alert of
 * the near-expiry and out-of-hours detectors keeps quiet before it is raised again. Decoded at
 * the edge; a bad field is an `InvalidDetectorSettingsError` naming it.
 *
 * @module
 */
import { decodeWith } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as t from 'io-ts'

const Positive = t.refinement(t.number, (n) => Number.isSafeInteger(n) && n > 0, 'a whole number > 0')
const Minutes = t.refinement(t.number, (n) => Number.isSafeInteger(n) && n > 0 && n <= 7 * 24 * 60, 'a whole number of minutes from 1 to 10080 (a week)')
const ClockTime = t.refinement(t.string, (s) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s), 'a time of day HH:MM')
const TimeZone = t.refinement(
  t.string,
  (s) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: s })
      return true
    } catch {
      return false
    }
  },
  'an IANA time zone such as Europe/Berlin',
)
const Weekday = t.keyof({ mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null }, 'Weekday')

/**
 * The codec of the detectors' settings.
 * @category detectors
 * @since 0.3.0
 */
export const DetectorSettings = t.readonly(
  t.exact(
    t.type({
      /** Denied attempts by one principal: `threshold` or more within `windowMinutes`. */
      deniedBurst: t.readonly(t.exact(t.type({ threshold: Positive, windowMinutes: Minutes }))),
      /** Access by one principal to `distinctAccounts` or more accounts within `windowMinutes` (bulk export). */
      bulkAccess: t.readonly(t.exact(t.type({ distinctAccounts: Positive, windowMinutes: Minutes }))),
      /**
       * Access under a grant that expires within `withinDays` days; raised again for the same
       * grant only `repeatAfterDays` days after the last (by default `withinDays`: once per grant).
       */
      nearExpiry: t.readonly(t.exact(t.intersection([t.type({ withinDays: Positive }), t.partial({ repeatAfterDays: Positive })]))),
      /**
       * Working hours, `[from, to)` local time on `days`, in `timeZone`; access outside them is
       * raised again for the same principal only `repeatAfterMinutes` after the last (by default 60).
       */
      workingHours: t.readonly(
        t.exact(t.intersection([t.type({ timeZone: TimeZone, days: t.readonlyArray(Weekday), from: ClockTime, to: ClockTime }), t.partial({ repeatAfterMinutes: Minutes })])),
      ),
    }),
  ),
  'DetectorSettings',
)
/** @category detectors @since 0.3.0 */
export type DetectorSettings = t.TypeOf<typeof DetectorSettings>

/**
 * How long an out-of-hours alert about one principal keeps quiet when `repeatAfterMinutes` is
 * not given: an hour.
 * @category detectors
 * @since 0.3.0
 */
export const defaultOutOfHoursRepeatMinutes = 60

/**
 * Settings a security officer might start with: five denials in ten minutes, twenty accounts in
 * ten minutes, seven days before expiry (once per grant), Monday to Friday 07:00–19:00 in Berlin
 * (at most one alert per principal an hour).
 * @category detectors
 * @since 0.3.0
 */
export const defaultDetectorSettings: DetectorSettings = {
  deniedBurst: { threshold: 5, windowMinutes: 10 },
  bulkAccess: { distinctAccounts: 20, windowMinutes: 10 },
  nearExpiry: { withinDays: 7, repeatAfterDays: 7 },
  workingHours: { timeZone: 'Europe/Berlin', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '07:00', to: '19:00', repeatAfterMinutes: defaultOutOfHoursRepeatMinutes },
}

/**
 * Detector settings that failed their codec.
 * @category errors
 * @since 0.3.0
 */
export interface InvalidDetectorSettingsError {
  readonly _tag: 'InvalidDetectorSettingsError'
  readonly field: string
  readonly message: string
}

const decodeSettings = decodeWith(DetectorSettings)

/**
 * Decode detector settings, naming the first bad field.
 * @category detectors
 * @since 0.3.0
 */
export const detectorSettingsOf = (input: unknown): E.Either<InvalidDetectorSettingsError, DetectorSettings> =>
  pipe(
    decodeSettings(input),
    E.mapLeft((problem) => ({ _tag: 'InvalidDetectorSettingsError' as const, field: problem.field, message: `${problem.field}: ${problem.message}` })),
  )
