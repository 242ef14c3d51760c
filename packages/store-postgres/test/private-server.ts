/**
 * A PostgreSQL server of the test's own, which the test may crash: initdb into a temporary
 * directory, started on a free port, killed with SIGKILL (every process of the instance at once,
 * so nothing is flushed or checkpointed on the way out) and started again on the same data, so
 * the server recovers from its WAL as after a power cut of the database host (of the server's
 * processes: the operating system's page cache survives, so what counts as lost is what the
 * server had not yet written to its WAL file). PostgreSQL refuses
 * to run as root, so as root the instance runs as the `postgres` OS user. Without the binaries
 * `skip` says so, and the tests show as skipped with that reason. The shared server on 5432 is
 * never touched.
 *
 * @module
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

const binaries = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin'

// WAL of an asynchronous commit stays in the server's memory until the WAL writer wakes (at most
// every 10 s here) or a commit waits for a flush; no checkpoint or background writer flushes it
// meanwhile. fsync stays on: what a flush covers is on disk.
const crashSettings = {
  fsync: 'on',
  synchronous_commit: 'on',
  wal_writer_delay: '10000ms',
  checkpoint_timeout: '1h',
  max_wal_size: '1GB',
  bgwriter_lru_maxpages: '0',
  autovacuum: 'off',
  shared_buffers: '16MB',
  max_connections: '40',
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })

const asRoot = process.getuid?.() === 0
const command = (bin: string, args: string[]): [string, string[]] => (asRoot ? ['runuser', ['-u', 'postgres', '--', join(binaries, bin), ...args]] : [join(binaries, bin), args])

/**
 * A private server that can be crashed; `skip` where it cannot be had.
 * @param purpose names the temporary directory.
 */
export const privateServer = async (purpose: string) => {
  if (!existsSync(join(binaries, 'initdb')) || !existsSync(join(binaries, 'postgres'))) {
    return { skip: `no PostgreSQL binaries in ${binaries} (set POSTGRES_BIN) to start a server the test may crash` } as const
  }
  const dir = mkdtempSync(join(tmpdir(), `ao-${purpose}-`))
  const data = join(dir, 'data')
  if (asRoot) spawnSync('chown', ['postgres:postgres', dir])
  const [initBin, initArgs] = command('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-instructions'])
  const init = spawnSync(initBin, initArgs, { encoding: 'utf8' })
  if (init.status !== 0) return { skip: `initdb failed: ${init.stderr || init.error?.message}` } as const
  const port = await freePort()
  const connection = { host: '127.0.0.1', port, user: 'postgres', database: 'postgres' }
  let postmaster: ChildProcess | undefined
  let log = ''

  const start = async (): Promise<void> => {
    const settings = Object.entries({ ...crashSettings, port: String(port), listen_addresses: '127.0.0.1', unix_socket_directories: dir }).flatMap(([k, v]) => ['-c', `${k}=${v}`])
    const [bin, args] = command('postgres', ['-D', data, ...settings])
    const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] })
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (log = (log + chunk).slice(-4000)))
    postmaster = child
    const deadline = Date.now() + 30_000
    for (;;) {
      const client = new pg.Client(connection)
      try {
        await client.connect()
        await client.query('SELECT 1')
        await client.end()
        return
      } catch {
        await client.end().catch(() => undefined)
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the private server did not start: ${log}`)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }
  }

  const stopped = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())))

  // PostgreSQL's children each start a session of their own, so no process group holds them
  // all: the instance is the postmaster (its pid in postmaster.pid) and its children.
  const instance = (): number[] => {
    let postmasterPid: number
    try {
      postmasterPid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0])
    } catch {
      return []
    }
    const children = readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          // Field 4 of /proc/<pid>/stat is the parent; the command name before it may hold spaces.
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmasterPid
        } catch {
          return false
        }
      })
      .map(Number)
    return [postmasterPid, ...children]
  }
  const alive = (pid: number) => existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ')

  /** SIGKILL to every process of the instance at once: no shutdown checkpoint, no last flush. */
  const crash = async (): Promise<void> => {
    const child = postmaster
    if (child === undefined) return
    const pids = instance()
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {
        // gone already
      }
    }
    await stopped(child)
    while (pids.some(alive)) await new Promise((resolve) => setTimeout(resolve, 20))
    postmaster = undefined
  }

  return {
    skip: undefined,
    port,
    connection,
    /** Start the server (again, after a crash: it recovers from its WAL first). */
    start,
    crash,
    /** The server's log so far (its last few kilobytes), for a failure message. */
    log: () => log,
    /** Stop for good and remove the data directory. */
    remove: async (): Promise<void> => {
      await crash()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
