/**
 * The usage errors commander finds while it reads the command line (an unknown flag, a missing
 * argument, a value that is not one of the choices), as the command's own `UsageError`: naming the
 * option (`--unit`) or argument (`<account>`) at fault, never the value given. Commander tells the
 * person on standard error in its own words; with `--json`, the machine gets this error as every
 * other one.
 *
 * @module
 */
import type { Command, CommanderError } from 'commander'
import { UsageError } from '../exit-code.js'

/* The quoted parts of commander's message, in order: flags, argument names, values. */
const quoted = (message: string): ReadonlyArray<string> => [...message.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '')

/* An unknown option as given, by its flag alone: commander quotes `--colour=red` and `-xred` whole, value and all. */
const flagOf = (given: string | undefined): string =>
  given === undefined || given === '' ? '(option)' : given.startsWith('--') ? given.replace(/=[\s\S]*$/, '') : given.slice(0, 2)

/* The option that flags such as `-f, --format <format>` declare, by its long name where it has one. */
const optionOf = (flags: string | undefined): string => flags?.match(/--[\w-]+/)?.[0] ?? flags?.match(/-\w/)?.[0] ?? '(option)'

/* An argument as the help shows it: `<account>`, `<files...>`. */
const argumentOf = (program: Command, name: string | undefined): string => {
  const all = (command: Command): ReadonlyArray<Command> => [command, ...command.commands.flatMap(all)]
  const variadic = all(program).some((c) => c.registeredArguments.some((a) => a.name() === name && a.variadic))
  return `<${name ?? 'argument'}${variadic ? '...' : ''}>`
}

/* Commander's "(Did you mean --unit?)", as a clause of the detail. */
const suggestionIn = (message: string): string => {
  const similar = message.match(/\(Did you mean (?:one of )?(.+)\?\)/)?.[1]
  return similar === undefined ? '' : `; did you mean ${similar}?`
}

/* "Allowed choices are day, month, year." as the project says it. */
const choicesIn = (message: string): string => {
  const choices = message.match(/Allowed choices are (.+)\.$/m)?.[1]
  return choices === undefined ? 'is invalid' : `expected one of ${choices}`
}

/**
 * The usage error of a command line commander refused with `error` (an error with exit code 0 —
 * help, version — is none); `program` knows the arguments' names.
 * @category cli
 * @since 0.4.0
 * @example
 * usageOfCommandLine(new CommanderError(1, 'commander.unknownOption', "error: unknown option '--colour'"), program)
 * // UsageError: --colour: unknown option
 */
export const usageOfCommandLine = (error: CommanderError, program: Command): UsageError => {
  const { message } = error
  const [first, second] = quoted(message)
  switch (error.code) {
    case 'commander.unknownOption':
      return new UsageError(flagOf(first), `unknown option${suggestionIn(message)}`)
    case 'commander.unknownCommand':
      return new UsageError('<command>', `unknown command${suggestionIn(message)}`)
    case 'commander.help':
      return new UsageError('<command>', 'a subcommand is required (see --help)')
    case 'commander.missingArgument':
      return new UsageError(argumentOf(program, first), 'is required')
    case 'commander.optionMissingArgument':
      return new UsageError(optionOf(first), 'needs a value')
    case 'commander.missingMandatoryOptionValue':
      return new UsageError(optionOf(first), 'is required')
    case 'commander.invalidArgument': {
      const argument = message.match(/for argument '([^']+)'/)?.[1]
      return new UsageError(argument === undefined ? optionOf(first) : argumentOf(program, argument), choicesIn(message))
    }
    case 'commander.conflictingOption':
      return new UsageError(optionOf(first), `cannot be used with ${optionOf(second)}`)
    case 'commander.excessArguments': {
      const expected = message.match(/Expected (\d+) argument/)?.[1]
      return new UsageError('<arguments>', `too many arguments${expected === undefined ? '' : ` (expected ${expected})`}`)
    }
    default:
      return new UsageError('(command line)', message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' '))
  }
}
