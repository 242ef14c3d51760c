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
 * A command with one thing wrong, and the field to blame for it (`data.grantId`, `type`, …).
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

const commandCodecs = new Map<string, Readonly<Record<string, t.Mixed>>>(AccountCommand.types.map((c) => [c.name, requiredFields(c)]))

const otherTypes: ReadonlyArray<unknown> = [42, true, { nested: 1 }, ['a'], null, 'Not A Valid Value!']

const rejects = (codec: t.Mixed, u: unknown) => codec.decode(u)._tag === 'Left'

const brokenVariants = (command: { type: string; data: Record<string, unknown> }): ReadonlyArray<InvalidCommand> => {
  const fields = commandCodecs.get(command.type) ?? {}
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
  accountCommandArbitrary(pools).chain((command) => fc.constantFrom(...brokenVariants(command as unknown as { type: string; data: Record<string, unknown> })))

/**
 * A sequence of invalid commands.
 * @category testing
 * @since 0.1.0
 */
export const invalidCommandsArbitrary = (pools: CommandPools = anyPools(), maxLength = 10): fc.Arbitrary<ReadonlyArray<InvalidCommand>> =>
  fc.array(invalidCommandArbitrary(pools), { minLength: 1, maxLength })
