/**
 * One page of a read-ahead (Vorauslesen) on its way from the worker thread that read it to the
 * thread that folds it: a single JSON text, so that it crosses as one string instead of a
 * structured clone of a hundred objects, and is parsed there in one go.
 *
 * The worker checks every row, and a row that decodes to exactly what it stores
 * (`decodesAsStored`) travels with its payload and metadata embedded as the JSON they are stored
 * as; the reader only completes the metadata. A row the worker cannot vouch for (one that needs
 * an upcaster, which are functions and stay on the reader's thread; one whose decoding would
 * normalise a value; one that fails its check) travels as the stored row, and the reader decodes
 * it with its own schema: the same event, or the same `CorruptEventError`, as a read on one
 * thread. A row not even of the row format (a field of another type, which a text could not carry
 * without loss and which could break out of its place in the page) goes as no text at all: the
 * reader reads that page itself.
 *
 * @module
 */
import { decodeStoredEvent, decodesAsStored, storedRowProblem, type CorruptEventError, type EventSchema, type RecordedEvent, type StoredEvent } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'

/**
 * The current schema version of each event type, as plain data a worker can be handed.
 * @category store
 * @since 0.4.0
 */
export type SchemaVersions = Readonly<Record<string, number>>

// A version or position as JSON: a number where it is exact as one, else a string; BigInt takes both.
const integer = (n: bigint): string => (n <= maxExactNumber && n >= -maxExactNumber ? String(n) : `"${n}"`)
const maxExactNumber = BigInt(Number.MAX_SAFE_INTEGER)

/*
 * The versions a worker checks with: every type's as the reader's schema writes it. A row at an
 * older version is left to the reader, which holds the upcasters; at the current version an
 * upcast leaves a payload as it is (`EventSchema.upcast`).
 */
const checkingSchema = (versions: SchemaVersions): Pick<EventSchema, 'currentVersion'> => ({ currentVersion: (type) => versions[type] ?? 1 })

/*
 * An entry is a JSON array. Checked: [0, type, streamId, version, position, recordedAt,
 * schemaVersion, data, metadata]. To decode on the reader's thread: [1, the stored row's columns
 * as JSON strings and integers]. A checked row's type is one this library knows and its
 * recordedAt an Instant: neither has a character JSON would escape, so they are quoted as they
 * are; its stream id is whatever was stored.
 */
const checkedEntry = (row: StoredEvent): string =>
  `[0,"${row.type}",${JSON.stringify(row.streamId)},${integer(row.streamVersion)},${integer(row.globalPosition)},"${row.recordedAt}",${row.schemaVersion},${row.data},${row.metadata}]`

const storedEntry = (row: StoredEvent): string =>
  `[1,${JSON.stringify(row.type)},${JSON.stringify(row.streamId)},${integer(row.streamVersion)},${integer(row.globalPosition)},${JSON.stringify(row.recordedAt)},${row.schemaVersion},${JSON.stringify(row.data)},${JSON.stringify(row.metadata)},${JSON.stringify(row.eventId)}]`

/**
 * The text of one page of rows, each checked against `versions`; `undefined` where a row is not
 * of the row format (`storedRowProblem`), and the reader must read the page itself.
 * @category store
 * @since 0.4.0
 */
export const pageTextOf = (rows: ReadonlyArray<StoredEvent>, versions: SchemaVersions): string | undefined => {
  const schema = checkingSchema(versions)
  let text = '['
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!
    if (storedRowProblem(row) !== undefined) return undefined
    if (i > 0) text += ','
    text += decodesAsStored(row, schema) ? checkedEntry(row) : storedEntry(row)
  }
  return `${text}]`
}

type Entry = [0, string, string, number | string, number | string, string, number, unknown, Record<string, unknown>] | [1, string, string, number | string, number | string, string, number, string, string, string]

/**
 * The events of a page's text, decoded with the reader's `schema`, up to the first row that does
 * not decode: then that row's error beside the events before it.
 * @category store
 * @since 0.4.0
 */
export const eventsOfPage = (text: string, schema: EventSchema): { readonly events: RecordedEvent[]; readonly corrupt?: CorruptEventError } => {
  const entries = JSON.parse(text) as Entry[]
  const events: RecordedEvent[] = new Array(entries.length)
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!
    if (entry[0] === 1) {
      const [, type, streamId, version, position, recordedAt, schemaVersion, data, metadata, eventId] = entry
      const row = { globalPosition: BigInt(position), streamId, streamVersion: BigInt(version), eventId, type, schemaVersion, data, metadata, recordedAt }
      const decoded = decodeStoredEvent(row, schema)
      if (E.isLeft(decoded)) return { events: events.slice(0, i), corrupt: decoded.left }
      events[i] = decoded.right
      continue
    }
    // Completed in place, in the order decodeStoredEvent completes it: the object came out of this parse.
    const metadata = entry[8]
    metadata['streamId'] = entry[2]
    metadata['streamVersion'] = BigInt(entry[3])
    metadata['globalPosition'] = BigInt(entry[4])
    metadata['recordedAt'] = entry[5]
    metadata['schemaVersion'] = entry[6]
    events[i] = { type: entry[1], data: entry[7], metadata } as unknown as RecordedEvent
  }
  return { events }
}
