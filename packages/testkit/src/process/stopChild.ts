import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'

/**
 * Stops a child process and resolves once it has exited: `signal` first (default SIGTERM; a
 * PostgreSQL server wants SIGINT, its fast shutdown), SIGKILL if it is still running after
 * `killAfterMs` (default 5 s). A child that already exited resolves at once.
 *
 * @example
 * await stopChild(node)
 * await stopChild(postgres, { signal: 'SIGINT' })
 */
export async function stopChild(
  child: ChildProcess,
  {
    signal = 'SIGTERM',
    killAfterMs = 5_000,
  }: { signal?: NodeJS.Signals; killAfterMs?: number } = {},
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = once(child, 'exit')
  child.kill(signal)
  const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs)
  try {
    await exited
  } finally {
    clearTimeout(timer)
  }
}
