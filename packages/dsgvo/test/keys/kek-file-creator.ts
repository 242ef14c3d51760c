// A child process of kek-file-creation.test.ts: on the message `{ startAt, files }` from the test it
// opens each missing KEK file `<dir>/kek-<i>.json` at its own moment (`startAt` + i × `stepMs`),
// as every process of a deployment does on its first erasure, and answers the first KEK it got.
import * as E from 'fp-ts/lib/Either.js'
import { join } from 'node:path'
// The module itself, not the package's entry: the children load in half the time.
import { fileKeyEncryptionKeys } from '../../src/keys/key-encryption-keys.js'

const dir = process.argv[2]!
const now = () => performance.timeOrigin + performance.now()
process.on('message', async (message: { startAt: number; files: number; stepMs: number }) => {
  const keys: string[] = []
  for (let i = 0; i < message.files; i++) {
    // Spinning to the moment lines the processes up closer than a timer could.
    while (now() < message.startAt + i * message.stepMs);
    const current = await fileKeyEncryptionKeys(join(dir, `kek-${i}.json`)).current()
    if (E.isLeft(current)) throw current.left
    keys.push(`${current.right.version}:${Buffer.from(current.right.key).toString('base64')}`)
  }
  process.send!({ keys })
})
process.on('disconnect', () => process.exit(0))
process.send!({ ready: true })
