/**
 * A lock file for the processes of one machine: held by whoever created it, released by removing
 * it, taken over when the process that holds it has died — and never taken from a live holder.
 *
 * Taking over is the hard part. Looking at a lock, finding its holder dead and removing it races
 * with three or more processes: A and B both see the dead holder; A removes the lock and creates
 * its own; B, on the strength of its earlier look, removes A's fresh lock and creates its own, and
 * both go on as holders. So a lock is removed only by its holder or by the one taker holding the
 * takeover lock `<lock>.takeover`, and that taker first looks again and removes the lock only if
 * it is still the very file it saw abandoned. In between nothing can change it: its holder is dead
 * and never releases, no other taker can act, and nobody can create a lock where one exists.
 *
 * A taker can die holding the takeover lock. That lock is the same kind of thing one level up —
 * held, released by removing, its holder's pid inside — so it is taken over by the same rule under
 * `<lock>.takeover.takeover`, and so on. No level is ever broken on a guess: each is taken over
 * only by the one holder of the level above, checking the very file it saw. A deeper level is
 * needed only while takers keep dying inside a window of microseconds.
 *
 * A lock's content is its holder's pid, a random nonce and where the pid counts (the host name
 * and, on Linux, the pid namespace), written before the lock appears (a temporary file linked
 * into place), so a lock is never seen empty and no two locks read alike: "still the same file"
 * is its content and inode. A pid means something only where its holder runs: a lock from
 * another machine or container (a file on a shared volume) is judged as one without a pid — left
 * by hand, or by a crash before its content reached the disk — and counts as abandoned only once
 * it is older than the waiting time. Asking this machine about a pid from elsewhere would answer
 * for some other process: "no such process" would take a live holder's lock at once.
 *
 * @module
 */
import { randomBytes } from 'node:crypto'
import { closeSync, fstatSync, linkSync, openSync, readFileSync, readlinkSync, rmSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'

/** A lock as seen once: what "still the same file" is compared with. */
interface SeenLock {
  readonly content: string
  readonly inode: number
  readonly modifiedMs: number
}

const codeOf = (e: unknown) => (e as { code?: string }).code

// Where this process's pid counts: the host and, where the system names it, the pid namespace.
const pidNamespace = (): string => {
  try {
    return readlinkSync('/proc/self/ns/pid')
  } catch {
    return ''
  }
}
const here = `${hostname()}/${pidNamespace()}`.replaceAll(' ', '_')

// Answers whether this process now holds the lock; throws on anything but the lock existing.
const created = (lockPath: string): boolean => {
  const nonce = randomBytes(8).toString('hex')
  const content = `${process.pid} ${nonce} ${here}`
  const temporary = `${lockPath}.${process.pid}.${nonce}.tmp`
  const fd = openSync(temporary, 'wx', 0o600)
  try {
    writeSync(fd, content)
  } finally {
    closeSync(fd)
  }
  try {
    linkSync(temporary, lockPath)
    return true
  } catch (e) {
    if (codeOf(e) === 'EEXIST') return false
    throw e
  } finally {
    rmSync(temporary, { force: true })
  }
}

// Content and inode through one descriptor, so both describe the same file.
const seen = (lockPath: string): SeenLock | undefined => {
  let fd: number
  try {
    fd = openSync(lockPath, 'r')
  } catch (e) {
    if (codeOf(e) === 'ENOENT') return undefined
    throw e
  }
  try {
    const { ino, mtimeMs } = fstatSync(fd)
    return { content: readFileSync(fd, 'utf8'), inode: ino, modifiedMs: mtimeMs }
  } finally {
    closeSync(fd)
  }
}

// A lock of an earlier release names no place (two fields): it was taken where pids counted alike.
const abandoned = (lock: SeenLock, staleMs: number): boolean => {
  const [pidText, , place] = lock.content.split(' ')
  const pid = Number(pidText)
  if (!Number.isSafeInteger(pid) || pid <= 0 || (place !== undefined && place !== here)) return Date.now() - lock.modifiedMs > staleMs
  try {
    process.kill(pid, 0)
    return false
  } catch (e) {
    // EPERM: alive, only someone else's.
    return codeOf(e) === 'ESRCH'
  }
}

const sameFile = (a: SeenLock, b: SeenLock) => a.content === b.content && a.inode === b.inode

// Removes the lock if it is still the abandoned one seen; answers whether the caller may try to
// create the lock again at once (false: another taker is at work, wait a moment).
const takenOver = (lockPath: string, abandonedLock: SeenLock, staleMs: number): boolean => {
  const takeoverPath = `${lockPath}.takeover`
  if (!created(takeoverPath)) {
    const taker = seen(takeoverPath)
    if (taker === undefined) return true
    return abandoned(taker, staleMs) && takenOver(takeoverPath, taker, staleMs)
  }
  try {
    const now = seen(lockPath)
    if (now !== undefined && sameFile(now, abandonedLock)) rmSync(lockPath)
    return true
  } finally {
    // Without `force`: nobody removes a live holder's lock, so finding it gone means the
    // exclusion is broken, and that must not pass quietly.
    rmSync(takeoverPath)
  }
}

/**
 * The lock at `lockPath` for this process, waiting up to `waitMs` for a live holder and taking
 * it over from a dead one; answers whether it was got. Throws what the file system throws.
 */
export const acquireLockFile = async (lockPath: string, waitMs: number): Promise<boolean> => {
  for (const started = Date.now(); ; ) {
    if (created(lockPath)) return true
    const holder = seen(lockPath)
    // Released meanwhile, or just taken over: the lock may be free now, so no waiting.
    if (holder === undefined || (abandoned(holder, waitMs) && takenOver(lockPath, holder, waitMs))) continue
    if (Date.now() - started > waitMs) return false
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/** Release a lock this process holds: nobody else removes a live holder's lock. */
export const releaseLockFile = (lockPath: string): void => rmSync(lockPath, { force: true })
