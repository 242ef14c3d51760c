/**
 * The transaction log of the test double: what an EventStoreDB node keeps, reduced to what the
 * store touches. Records sit at byte offsets that grow by each record's size, as on the server, so
 * positions are sparse; a read of `$all` must start at an offset where a record begins (or at the
 * end), as the server's reader needs. The log starts with a system event, as a fresh node does.
 *
 * @module
 */

export interface DoubleRecord {
  readonly streamId: string
  readonly revision: bigint
  readonly id: string
  readonly type: string
  readonly contentType: string
  readonly data: Buffer
  readonly customMetadata: Buffer
  readonly created: bigint
  readonly offset: bigint
  /** Where the next record begins: the record's post-position. */
  readonly next: bigint
}

export type Expected = { readonly kind: 'any' | 'no-stream' | 'exists' } | { readonly kind: 'revision'; readonly revision: bigint }

export type AppendOutcome =
  | { readonly ok: true; readonly revision: bigint; readonly offset: bigint }
  | { readonly ok: false; readonly current: bigint | undefined }

export type Proposed = Pick<DoubleRecord, 'id' | 'type' | 'contentType' | 'data' | 'customMetadata'>

const headerBytes = 87n

export class DoubleLog {
  readonly records: DoubleRecord[] = []
  /** Told of every record written, in log order: the live part of subscriptions. */
  readonly written = new Set<(record: DoubleRecord) => void>()
  private readonly streams = new Map<string, DoubleRecord[]>()
  private end = 0n

  /** Where the next record will begin. */
  get endOffset(): bigint {
    return this.end
  }

  /** Whether a record begins at `offset` (or it is the end of the log), so a read may start there. */
  isReadStart(offset: bigint): boolean {
    return offset === this.end || this.records[this.indexFrom(offset)]?.offset === offset
  }

  /** The index of the first record at or after `offset`. */
  indexFrom(offset: bigint): number {
    let low = 0
    let high = this.records.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.records[middle]!.offset < offset) low = middle + 1
      else high = middle
    }
    return low
  }

  constructor() {
    this.write('$epoch-information', [{ id: '00000000-0000-0000-0000-000000000001', type: '$epoch-information', contentType: 'application/json', data: Buffer.from('{}'), customMetadata: Buffer.alloc(0) }])
  }

  current(streamId: string): bigint | undefined {
    const stream = this.streams.get(streamId)
    return stream === undefined ? undefined : BigInt(stream.length - 1)
  }

  append(streamId: string, expected: Expected, events: ReadonlyArray<Proposed>): AppendOutcome {
    const current = this.current(streamId)
    const fits =
      expected.kind === 'any' ||
      (expected.kind === 'no-stream' && current === undefined) ||
      (expected.kind === 'exists' && current !== undefined) ||
      (expected.kind === 'revision' && current === expected.revision)
    if (!fits) return { ok: false, current }
    const last = this.write(streamId, events)
    return { ok: true, revision: last?.revision ?? current ?? -1n, offset: last?.offset ?? this.end }
  }

  private write(streamId: string, events: ReadonlyArray<Proposed>): DoubleRecord | undefined {
    const stream = this.streams.get(streamId) ?? []
    let last: DoubleRecord | undefined
    for (const event of events) {
      const next = this.end + headerBytes + BigInt(streamId.length + event.data.length + event.customMetadata.length)
      last = { ...event, streamId, revision: BigInt(stream.length), created: BigInt(Date.now()) * 10_000n + 621_355_968_000_000_000n, offset: this.end, next }
      this.end = next
      stream.push(last)
      this.records.push(last)
    }
    this.streams.set(streamId, stream)
    if (events.length > 0) for (const record of stream.slice(-events.length)) for (const tell of this.written) tell(record)
    return last
  }

  /** Change the data of the `index`th record in place, as an attacker with disk access would. */
  tamper(index: number, data: Buffer): void {
    const record = { ...this.records[index]!, data }
    this.records[index] = record
    this.streams.get(record.streamId)![Number(record.revision)] = record
  }

  /**
   * Take a whole stream out of every read, as the server's delete (and a later scavenge) does: its
   * records vanish from `$all`, the others keep their offsets.
   */
  deleteStream(streamId: string): void {
    this.streams.delete(streamId)
    for (let i = this.records.length - 1; i >= 0; i--) if (this.records[i]!.streamId === streamId) this.records.splice(i, 1)
  }

  readStream(streamId: string, from: bigint | 'start' | 'end', backwards: boolean, count: number): DoubleRecord[] | undefined {
    const stream = this.streams.get(streamId)
    if (stream === undefined) return undefined
    if (!backwards) {
      const start = from === 'start' ? 0n : from === 'end' ? BigInt(stream.length) : from
      return stream.filter((r) => r.revision >= start).slice(0, count)
    }
    const start = from === 'end' ? BigInt(stream.length - 1) : from === 'start' ? 0n : from
    return stream.filter((r) => r.revision <= start).reverse().slice(0, count)
  }

  /** `undefined` when `from` is not where a record begins. */
  readAll(from: bigint | 'start' | 'end', backwards: boolean, count: number): DoubleRecord[] | undefined {
    const at = from === 'start' ? 0n : from === 'end' ? this.end : from
    if (!this.isReadStart(at)) return undefined
    if (!backwards) return this.records.slice(this.indexFrom(at), this.indexFrom(at) + count)
    return this.records.filter((r) => r.offset < at).reverse().slice(0, count)
  }
}
