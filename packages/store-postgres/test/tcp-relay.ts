/**
 * A TCP relay in front of the PostgreSQL server, so a test can take "the server" away from a
 * store without touching the server everyone else uses: `stop()` cuts every connection and
 * refuses new ones; `silence()` keeps connections open but forwards nothing, as a hung server or
 * a dropped network would.
 *
 * @module
 */
import net from 'node:net'

/** A relay to `target` on a free local port. */
export const tcpRelay = async (target: { host: string; port: number }) => {
  const sockets = new Set<net.Socket>()
  let silent = false
  let cut = false
  let refused = 0
  let accepted = 0
  const server = net.createServer((client) => {
    accepted++
    if (cut) {
      refused++
      client.destroy()
      return
    }
    const upstream = net.connect(target)
    for (const [from, to] of [[client, upstream], [upstream, client]] as const) {
      sockets.add(from)
      from.on('data', (chunk) => (silent ? undefined : to.write(chunk)))
      from.on('error', () => to.destroy())
      from.on('close', () => {
        sockets.delete(from)
        to.destroy()
      })
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  return {
    port,
    silence: () => {
      silent = true
    },
    /** Drop every connection and refuse new ones (counted in `refused`), as a network cut does, until `restore`. */
    cut: () => {
      cut = true
      for (const s of sockets) s.destroy()
    },
    /** Undo `cut` and `silence`: new connections are relayed again. */
    restore: () => {
      cut = false
      silent = false
    },
    /** Connections refused while cut. */
    refused: () => refused,
    /** Connections accepted (refused ones included). */
    accepted: () => accepted,
    stop: async () => {
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
