/**
 * The workloads of the comparison, the same for every system and store: commands on many
 * streams, batch appends, and reads of one stream folded into its state. Each records the events
 * it hands over in `given`, for the check after the run.
 *
 * @module
 */
import { classifiedFact, factKey, openedFact, streamFacts, streamOf, type Contender, type Fact } from './contender.js'
import { inRounds, table, type Figure } from './rounds.js'

/** How much work each workload does. */
export interface Plan {
  readonly rounds: number
  /** Commands per system per round. */
  readonly commands: number
  /** Appends of `batchSize` events per system per round. */
  readonly batches: number
  readonly batchSize: number
  /** Reads per system per round of the short and of the long stream. */
  readonly shortReads: number
  readonly longReads: number
  /** The lengths of the short and the long stream. */
  readonly shortLength: number
  readonly longLength: number
}

/** The check's keys of `facts` appended to `stream`. */
export const keysOf = (stream: string, facts: ReadonlyArray<Fact>) => facts.map((f) => factKey(stream, f.metadata, f.data))

/** The keys of the accounts every system is seeded with. */
export const seededKeys = (accounts: number): string[] => Array.from({ length: accounts }, (_, a) => keysOf(streamOf(a), [openedFact(a)])[0]!)

// A fixed pseudo-random sequence (a linear congruential generator), the same for every system.
const accountsDrawn = (accounts: number, count: number, seed: number): number[] => {
  let x = seed
  return Array.from({ length: count }, () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0
    return x % accounts
  })
}

/** One command of a workload: the account, the score it sets and its command id. */
export interface Classify {
  readonly account: number
  readonly score: number
  readonly commandId: string
}

/**
 * The commands of round `round` of writer `writer` of `writers` (1 for a single process): each
 * writer on its own accounts (those equal to `writer` modulo `writers`), drawn at random.
 */
export const commandsOf = (accounts: number, round: number, count: number, writer = 0, writers = 1): Classify[] =>
  accountsDrawn(Math.floor(accounts / writers), count, (round + 1) * 31 + writer).map((k, i) => ({
    account: k * writers + writer,
    score: round * count + i,
    commandId: `c${accounts}-${writer}-${round}-${i}`,
  }))

/** The keys of the events `commands` lead to. */
export const commandKeys = (commands: ReadonlyArray<Classify>): string[] => commands.flatMap((c) => keysOf(streamOf(c.account), [classifiedFact(c.account, c.score, c.commandId)]))

/** Commands (load, decide, append one event) on accounts drawn at random from `accounts`; ops/s. */
export const commandWorkload = async (systems: ReadonlyArray<Contender>, accounts: number, plan: Plan, given: string[]): Promise<Figure[]> => {
  const rounds = Array.from({ length: plan.rounds }, (_, r) => commandsOf(accounts, r, plan.commands))
  for (const round of rounds) given.push(...commandKeys(round))
  return inRounds(systems, plan.rounds, async (system, r) => {
    for (const c of rounds[r]!) await system.classify(c.account, c.score, c.commandId)
    return plan.commands
  })
}

/** Appends of `batchSize` events, each to a new stream; events/s. */
export const batchWorkload = async (systems: ReadonlyArray<Contender>, plan: Plan, given: string[]): Promise<Figure[]> => {
  const account = (r: number, b: number) => 10_000_000 + r * plan.batches + b
  const batches = Array.from({ length: plan.rounds }, (_, r) => Array.from({ length: plan.batches }, (_, b) => streamFacts(account(r, b), plan.batchSize, `b-${r}-${b}`)))
  batches.forEach((round, r) => round.forEach((facts, b) => given.push(...keysOf(streamOf(account(r, b)), facts))))
  return inRounds(systems, plan.rounds, async (system, r) => {
    for (let b = 0; b < plan.batches; b++) await system.appendBatch(streamOf(account(r, b)), batches[r]![b]!)
    return plan.batches * plan.batchSize
  })
}

/** Reads of one stream of `length` events, folded into the account's state; reads/s. */
export const readWorkload = async (systems: ReadonlyArray<Contender>, plan: Plan, length: number, reads: number, given: string[]): Promise<Figure[]> => {
  const account = 20_000_000 + length
  const facts = streamFacts(account, length, `r-${length}`)
  given.push(...keysOf(streamOf(account), facts))
  for (const system of systems) await system.appendBatch(streamOf(account), facts)
  return inRounds(systems, plan.rounds, async (system) => {
    for (let i = 0; i < reads; i++) {
      const folded = await system.readAndFold(streamOf(account))
      if (folded !== length) throw new Error(`${system.name} folded ${folded} events of ${length}`)
    }
    return reads
  })
}

/** The tables of the batch and the two read workloads, as every store prints them. */
export const batchAndReadTables = (plan: Plan, batch: ReadonlyArray<Figure>, reads: ReadonlyArray<ReadonlyArray<Figure>>): string[] => [
  `### Batch append of ${plan.batchSize} events to a new stream`,
  '',
  ...table('events/s', batch),
  '',
  `### Read one stream of ${plan.shortLength} events and fold it`,
  '',
  ...table('reads/s', reads[0]!),
  '',
  `### Read one stream of ${plan.longLength.toLocaleString('en-US')} events and fold it`,
  '',
  ...table('reads/s', reads[1]!),
  '',
]
