// The connection that LISTENs for commits is a single TCP session; when it drops (a server
// restart, a terminated backend), the store opens it again with backoff, so a live projection is
// woken by commits again — shown with a poll an hour away, where only a notification can wake it.
import { currentOwner, projectionRuntime, readModelProjections } from '@account-ownership/projections'
import { openPostgresEventStore, subscribeToChannel } from '@account-ownership/store-postgres'
import * as E from 'fp-ts/lib/Either.js'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { eventually, openedAccount, readModelDatabase } from './live-read-model.js'
import { postgresDatabase, server } from './postgres-database.js'
import { tcpRelay } from './tcp-relay.js'

const database = await postgresDatabase('listen')

describe.skipIf(database.skip !== undefined)(`commit notifications after a dropped connection${database.skip ? ` — skipped: ${database.skip}` : ''}`, () => {
  it('the listener is reopened after its backend is terminated, twice, and the live projection and a subscriber hear every later commit', async () => {
    const store = await database.store({ schema: 'reconnect' })
    const admin = database.pool(1)
    const listeners = async (): Promise<number[]> =>
      (await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND query = $2`, [database.name, `LISTEN "${store.commitChannel}"`])).rows.map((r) => r.pid)

    const heard: bigint[] = []
    const subscribed = await store.subscribeToCommits((position) => heard.push(position))
    if (E.isLeft(subscribed)) throw subscribed.left
    const db = readModelDatabase()
    let projected = 0n
    const runtime = projectionRuntime({ store, db, projections: readModelProjections, commits: store, onProgress: (p) => (projected = p.position) })
    const live = runtime.runLive({ pollIntervalMs: 3_600_000 })

    const append = async (id: string) => {
      const account = openedAccount(id)
      const appended = await store.append(account.stream, account.events, { expectedVersion: 'no-stream' })
      if (E.isLeft(appended)) throw appended.left
      return appended.right.lastGlobalPosition
    }
    await eventually(async () => (await listeners()).length === 2)
    const first = await append('eins')
    await eventually(() => projected >= first && heard.includes(first))

    for (const id of ['zwei', 'drei']) {
      const before = await listeners()
      // Given both listening backends are terminated, as by an administrator or a failover,
      await admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [before])
      // when two new ones listen again (the old ones gone),
      await eventually(async () => {
        const now = await listeners()
        return now.length === 2 && now.every((pid) => !before.includes(pid))
      })
      // then a commit reaches the subscriber with its position, and the projection without a poll.
      const position = await append(id)
      await eventually(() => projected >= position && heard.includes(position))
    }

    await runtime.stop()
    expect(await live).toEqual(E.right(expect.objectContaining({ position: 12n, stopped: true })))
    expect(await currentOwner(db, 'drei')).toEqual(E.right(expect.objectContaining({ ownerId: 'hanna' })))
    // Each reopening was announced once, with 0n, beside the three commits.
    expect(heard.filter((p) => p !== 0n)).toEqual([4n, 8n, 12n])
    expect(heard.filter((p) => p === 0n)).toHaveLength(2)
    await subscribed.right()
    await store.close()
    await eventually(async () => (await listeners()).length === 0)
  })

  it('while the server cannot be reached the listener keeps trying, and once it can, it listens again', async () => {
    const relay = await tcpRelay(server)
    const opened = await openPostgresEventStore({ connection: { ...database.connection, port: relay.port }, schema: 'cut' })
    if (E.isLeft(opened)) throw opened.left
    const listening = opened.right
    const direct = await database.store({ schema: 'cut' })
    const heard: bigint[] = []
    const subscribed = await listening.subscribeToCommits((position) => heard.push(position))
    if (E.isLeft(subscribed)) throw subscribed.left
    const append = async (id: string) => {
      const account = openedAccount(id)
      const appended = await direct.append(account.stream, account.events, { expectedVersion: 'no-stream' })
      if (E.isLeft(appended)) throw appended.left
      return appended.right.lastGlobalPosition
    }
    const first = await append('vorher')
    await eventually(() => heard.includes(first))
    // Given the network is cut: the listening connection drops and reopening it fails, again and again,
    relay.cut()
    await eventually(() => relay.refused() >= 3)
    expect(heard).not.toContain(0n)
    // when it is back, the listener is reopened — and says so once —
    relay.restore()
    await eventually(() => heard.includes(0n))
    // then it hears commits again.
    const second = await append('nachher')
    await eventually(() => heard.includes(second))
    await subscribed.right()
    await listening.close()
    await direct.close()
    await relay.stop()
  })

  it('a connection cut without a word is found by the heartbeat, given up and opened again', async () => {
    const relay = await tcpRelay(server)
    const throughRelay = new pg.Pool({ ...database.connection, port: relay.port })
    const direct = await database.store({ schema: 'silent' })
    const heard: bigint[] = []
    const subscribed = await subscribeToChannel(throughRelay, direct.commitChannel, (position) => heard.push(position), { everyMs: 100, timeoutMs: 300 })
    if (E.isLeft(subscribed)) throw subscribed.left
    const append = async (id: string) => {
      const account = openedAccount(id)
      const appended = await direct.append(account.stream, account.events, { expectedVersion: 'no-stream' })
      if (E.isLeft(appended)) throw appended.left
      return appended.right.lastGlobalPosition
    }
    const first = await append('laut')
    await eventually(() => heard.includes(first))
    // Given the network swallows everything without closing anything,
    relay.silence()
    // when the heartbeat goes unanswered, the listener opens new connections (which hang until their timeout),
    await eventually(() => relay.accepted() >= 3)
    expect(heard).not.toContain(0n)
    // and once the network carries again, one of them listens, says so, and hears the next commit.
    relay.restore()
    await eventually(() => heard.includes(0n))
    const second = await append('wieder')
    await eventually(() => heard.includes(second))
    await subscribed.right()
    await direct.close()
    await throughRelay.end()
    await relay.stop()
  })
})

