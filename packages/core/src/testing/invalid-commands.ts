/**
 * Deliberately invalid commands, for bad-input properties: a valid command with exactly one thing
 * wrong — a field missing, of the wrong type, an empty id or text, a word outside its vocabulary,
 * data that is no object, or a `type` no command has. Each comes with the field a decoder must
 * blame. The fields are read from the commands' own codecs, so a new command or field is covered
 * without touching this file.
 *
 * @module
 */
import fc from 'fast-check'
import * as t from 'io-ts'
import { AccountCommand } from '../account/account-command.js'
import { accountCommandArbitrary, anyPools, type CommandPools } from './arbitraries.js'

/**
 * What is wrong with an invalid command.
 * @category testing
 * @since 0.1.0
 */
export type InvalidCommandProblem = 'missing-field' | 'wrong-type' | 'empty-value' | 'unknown-word' | 'data-not-an-object' | 'unknown-type'

/**
 * A command (or event) with one thing wrong, and the field to blame for it (`data.grantId`, `type`, …).
 * @category testing
 * @since 0.1.0
 */
export interface InvalidCommand {
  readonly input: unknown
  readonly field: string
  readonly problem: InvalidCommandProblem
}

const unwrap = (codec: t.Mixed): t.Mixed => {
  let inner: t.Mixed = codec
  while (inner instanceof t.ReadonlyType || inner instanceof t.ExactType) inner = inner.type as t.Mixed
  return inner
}

/* The required data fields of a `{ type, data }` command codec, by name. */
const requiredFields = (codec: t.Mixed): Readonly<Record<string, t.Mixed>> => {
  const message = unwrap(codec)
  const data = message instanceof t.InterfaceType ? unwrap((message.props as Record<string, t.Mixed>)['data']!) : undefined
  const required = data instanceof t.IntersectionType ? unwrap(data.types[0] as t.Mixed) : undefined
  return required instanceof t.InterfaceType ? (required.props as Record<string, t.Mixed>) : {}
}


const otherTypes: ReadonlyArray<unknown> = [42, true, { nested: 1 }, ['a'], null, 'Not A Valid Value!']

const rejects = (codec: t.Mixed, u: unknown) => codec.decode(u)._tag === 'Left'

const brokenVariants = (codecs: ReadonlyMap<string, Readonly<Record<string, t.Mixed>>>, command: { type: string; data: Record<string, unknown> }): ReadonlyArray<InvalidCommand> => {
  const fields = codecs.get(command.type) ?? {}
  const variants: InvalidCommand[] = [
    { input: { type: 'MakeCoffee', data: command.data }, field: 'type', problem: 'unknown-type' },
    { input: { type: command.type, data: 'not an object' }, field: 'data', problem: 'data-not-an-object' },
  ]
  const withField = (name: string, value: unknown) => ({ type: command.type, data: { ...command.data, [name]: value } })
  for (const [name, codec] of Object.entries(fields)) {
    const { [name]: _gone, ...rest } = command.data
    variants.push({ input: { type: command.type, data: rest }, field: `data.${name}`, problem: 'missing-field' })
    for (const value of otherTypes.filter((u) => rejects(codec, u))) variants.push({ input: withField(name, value), field: `data.${name}`, problem: 'wrong-type' })
    if (rejects(codec, '') && !rejects(codec, 'x1')) variants.push({ input: withField(name, ''), field: `data.${name}`, problem: 'empty-value' })
    if (unwrap(codec) instanceof t.KeyofType) variants.push({ input: withField(name, 'no-such-word'), field: `data.${name}`, problem: 'unknown-word' })
  }
  return variants
}

/**
 * An account command with exactly one thing wrong, and the field a decoder must name.
 * @category testing
 * @since 0.1.0
 * @example
 * fc.assert(
 *   fc.property(invalidCommandArbitrary(), ({ input, field }) => {
 *     const decoded = decodeAccountCommand(input)
 *     assert(E.isLeft(decoded) && decoded.left.field === field)
 *   }),
 * )
 */
export const invalidCommandArbitrary = (pools: CommandPools = anyPools()): fc.Arbitrary<InvalidCommand> =>
  invalidMessageArbitrary(accountCommandArbitrary(pools), AccountCommand.types)

/**
 * Any `{ type, data }` message with exactly one thing wrong, from valid ones and the codecs of
 * their types — e.g. events, with `domainEventCodecs`.
 * @category testing
 * @since 0.1.0
 * @example
 * const invalidEvents = invalidMessageArbitrary(fc.constantFrom(...openedAccountEvents()), domainEventCodecs)
 */
export const invalidMessageArbitrary = <M extends { readonly type: string; readonly data: unknown }>(
  valid: fc.Arbitrary<M>,
  codecs: ReadonlyArray<t.Mixed>,
): fc.Arbitrary<InvalidCommand> => {
  const fields = new Map(codecs.map((c) => [c.name, requiredFields(c)]))
  return valid.chain((message) => fc.constantFrom(...brokenVariants(fields, message as unknown as { type: string; data: Record<string, unknown> })))
}

/**
 * A sequence of invalid commands.
 * @category testing
 * @since 0.1.0
 */
export const invalidCommandsArbitrary = (pools: CommandPools = anyPools(), maxLength = 10): fc.Arbitrary<ReadonlyArray<InvalidCommand>> =>
  fc.array(invalidCommandArbitrary(pools), { minLength: 1, maxLength })
