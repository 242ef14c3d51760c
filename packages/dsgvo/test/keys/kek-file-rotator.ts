// A child process of kek-file-processes.test.ts: `rotations` rotations of the KEK file at `path`,
// each followed by retiring what is older than the KEK before it; prints the versions it made.
import { fileKeyEncryptionKeys } from '@account-ownership/dsgvo'
import * as E from 'fp-ts/lib/Either.js'

const [path, rotations, startAt] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4])]
// Both processes start rotating at the same moment, not when each has finished loading.
await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())))
const keks = fileKeyEncryptionKeys(path)
const made: number[] = []
for (let i = 0; i < rotations; i++) {
  const rotated = await keks.rotate!()
  if (E.isLeft(rotated)) throw rotated.left
  made.push(rotated.right.version)
  const retired = await keks.retireOlderThan!(rotated.right.version - 1)
  if (E.isLeft(retired)) throw retired.left
}
process.stdout.write(JSON.stringify(made))
