import { mkdir, open, readFile, unlink } from 'node:fs/promises'
import { dirname } from 'node:path'
import { StoreLockedError } from './errors.js'

/** Paths this process holds: a second open in the same process is refused too. */
const held = new Set<string>()

/**
 * Takes `<path>.lock` for this process so that no other opens the PGlite data directory at
 * `path` while it is in use. PGlite does not check (its `postmaster.pid` holds a placeholder pid),
 * and two PostgreSQL instances writing one directory corrupt it. A lock whose process is gone (a
 * SIGKILLed relayer) is taken over. Best effort: the holder is checked by pid, so it cannot see
 * processes of another pid namespace (another container sharing the volume). Throws
 * `StoreLockedError`; returns the function that releases the lock.
 *
 * @example
 * ```ts
 * const release = await lockDirectory('/var/lib/ferry/store')
 * // ... open PGlite there, use it, close it
 * await release()
 * ```
 */
export async function lockDirectory(path: string): Promise<() => Promise<void>> {
  const file = `${path}.lock`
  if (held.has(path)) throw new StoreLockedError({ path, pid: process.pid })
  await mkdir(dirname(path), { recursive: true })
  // Two tries: the second after removing a stale lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx')
      await handle.writeFile(`${process.pid}\n`)
      await handle.close()
      held.add(path)
      return async () => {
        held.delete(path)
        await unlink(file).catch(() => {})
      }
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error
      const pid = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10)
      // Our own pid in a lock we do not hold: a previous process that had our pid (a restarted
      // container's pid 1) left it.
      if (pid > 0 && pid !== process.pid && isRunning(pid))
        throw new StoreLockedError({ path, pid })
      await unlink(file).catch(() => {})
    }
  }
  throw new StoreLockedError({ path, pid: undefined })
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return error instanceof Error && 'code' in error && error.code === 'EPERM'
  }
}
