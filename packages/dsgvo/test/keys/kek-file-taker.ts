// A child process of kek-file-takeover.test.ts: on each message `{ startAt }` from the test it
// waits for that moment and rotates the KEK file at `path` once, answering the version it made.
// Around the rotation's read and write of the ring (the part the lock guards) it appends
// "enter <pid>" and "leave <pid>" to the log at `log`, so the test can see two holders overlap.
import * as E from 'fp-ts/lib/Either.js'
import fs from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'
// The module itself, not the package's entry: four children load in half the time.
import { fileKeyEncryptionKeys } from '../../src/keys/key-encryption-keys.js'

const [path, log] = [process.argv[2]!, process.argv[3]!]

// The ring is read first and renamed into place last under the lock, and only there: watching
// those two calls marks the guarded section without a hook in the library.
const { readFileSync, renameSync } = fs
const mark = (what: string) => fs.appendFileSync(log, `${what} ${process.pid}\n`)
Object.assign(fs, {
  readFileSync: (...args: Parameters<typeof readFileSync>) => {
    if (args[0] === path) mark('enter')
    return readFileSync(...args)
  },
  renameSync: (...args: Parameters<typeof renameSync>) => {
    renameSync(...args)
    if (args[1] === path) mark('leave')
  },
})
syncBuiltinESMExports()

const keks = fileKeyEncryptionKeys(path)
const now = () => performance.timeOrigin + performance.now()
process.on('message', (message: { startAt: number }) => {
  // Spinning to the moment lines the processes up closer than a timer could.
  while (now() < message.startAt);
  void keks.rotate!().then((rotated) => {
    if (E.isLeft(rotated)) throw rotated.left
    process.send!({ version: rotated.right.version })
  })
})
process.on('disconnect', () => process.exit(0))
process.send!({ ready: true })
