/**
 * Whether input that passed its codec's `is` check is already what the codec's `encode` would
 * make of it: no field an exact codec strips, and every leaf encoded as itself. Then the input
 * can be written as it is, and the store's check of each appended event is one `is` and one walk
 * over the same fields — instead of an `encode` that copies every level and merges intersections
 * (io-ts's `mergeAll`), which cost more than the rest of an append's input check together.
 *
 * The walk follows the codec's structure as io-ts's own `encode` does; a codec it does not know
 * counts as encoded only where its `encode` is io-ts's `identity` or gives back the very value.
 * That is why the library's own leaf codecs (ids, instants, texts, numbers) encode with
 * `t.identity` rather than an arrow of their own: io-ts and this walk can then see they change
 * nothing.
 *
 * @module
 */
import * as t from 'io-ts'

/**
 * Answers `true` only where `codec.encode(a)` would equal `a`, field for field and in the same
 * key order (so the same JSON); `a` must have passed `codec.is`. `false` means: encode it.
 * @category store
 * @since 0.3.0
 */
export type AlreadyEncoded = (a: unknown) => boolean

const always: AlreadyEncoded = () => true

/* The codec's parts as io-ts's combinators keep them; `_tag` says which combinator made it. */
interface Parts {
  readonly _tag?: string
  readonly type?: t.Mixed
  readonly types?: ReadonlyArray<t.Mixed>
  readonly props?: t.Props
}

/* The fields an exact codec keeps, as io-ts's `exact` collects them. */
const keptFields = (codec: t.Mixed): ReadonlySet<string> | undefined => {
  const { _tag, type, types, props } = codec as t.Mixed & Parts
  switch (_tag) {
    case 'ReadonlyType':
    case 'RefinementType':
      return keptFields(type!)
    case 'InterfaceType':
    case 'StrictType':
    case 'PartialType':
      return new Set(Object.keys(props!))
    case 'IntersectionType': {
      const all = types!.map(keptFields)
      return all.some((s) => s === undefined) ? undefined : new Set(all.flatMap((s) => [...s!]))
    }
    default:
      return undefined
  }
}

const onlyFields = (a: unknown, kept: ReadonlySet<string>): boolean => {
  for (const key of Object.getOwnPropertyNames(a)) if (!kept.has(key)) return false
  return true
}

/**
 * The check for one codec, worked out once from its structure.
 * @category store
 * @since 0.3.0
 */
export const alreadyEncoded = (codec: t.Mixed): AlreadyEncoded => {
  const { _tag, type, types, props } = codec as t.Mixed & Parts
  switch (_tag) {
    case 'ReadonlyType':
    case 'RefinementType':
      // Both encode with the codec they wrap.
      return alreadyEncoded(type!)
    case 'ExactType': {
      const kept = keptFields(type!)
      if (kept === undefined) break
      const inner = alreadyEncoded(type!)
      return inner === always ? (a) => onlyFields(a, kept) : (a) => onlyFields(a, kept) && inner(a)
    }
    case 'InterfaceType':
    case 'PartialType': {
      const fields = Object.entries(props!)
        .map(([key, field]) => [key, alreadyEncoded(field)] as const)
        .filter(([, check]) => check !== always)
      if (fields.length === 0) return always
      // A partial codec's `encode` skips an absent field, an interface's encodes every one.
      const optional = _tag === 'PartialType'
      return (a) => {
        for (const [key, check] of fields) {
          const value = (a as Record<string, unknown>)[key]
          if (!(optional && value === undefined) && !check(value)) return false
        }
        return true
      }
    }
    case 'IntersectionType': {
      const checks = types!.map(alreadyEncoded).filter((check) => check !== always)
      return checks.length === 0 ? always : (a) => checks.every((check) => check(a))
    }
    case 'UnionType': {
      // `encode` takes the first member whose `is` accepts the value.
      const members = types!.map((member) => [member, alreadyEncoded(member)] as const)
      if (members.every(([, check]) => check === always)) return always
      return (a) => {
        for (const [member, check] of members) if (member.is(a)) return check(a)
        return false
      }
    }
    case 'ArrayType':
    case 'ReadonlyArrayType': {
      const item = alreadyEncoded(type!)
      return item === always ? always : (a) => (a as ReadonlyArray<unknown>).every(item)
    }
  }
  return codec.encode === t.identity ? always : (a) => codec.encode(a) === a
}
