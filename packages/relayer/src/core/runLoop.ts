import type { Logger } from 'pino'
import { classifyError } from './relayer/classifyError.js'

export type RunLoopParameters = {
  /** Names the loop in logs. */
  name: string
  /** Pause between passes. */
  intervalMs: number
  /** Longest pause after consecutive failures (backoff doubles from `intervalMs`). */
  maxBackoffMs?: number | undefined
  signal: AbortSignal
  logger: Logger
  /** One pass; returns `'again'` to run the next pass at once (more work is waiting). */
  pass: () => Promise<'again' | undefined>
}

/**
 * Runs `pass` until `signal` aborts: each pass is awaited (never a spin loop), a failing pass
 * is logged and retried with exponential backoff, and abort ends the wait between passes at once
 * while letting a pass in flight finish. Resolves when the loop has stopped.
 *
 * @example
 * await runLoop({ name: 'index', intervalMs: 500, signal, logger, pass: () => indexOnce() })
 */
export async function runLoop({
  name,
  intervalMs,
  maxBackoffMs = 30_000,
  signal,
  logger,
  pass,
}: RunLoopParameters): Promise<void> {
  let failures = 0
  while (!signal.aborted) {
    let again = false
    try {
      again = (await pass()) === 'again'
      failures = 0
    } catch (error) {
      failures++
      // A chain's failure is a warning; the relayer's own (`internal_error`: a bug, a store
      // that failed) an error. Both wait out the same backoff, so neither loops hot.
      const { reason, retryable } = classifyError(error)
      const entry = { err: error, loop: name, failures, reason, retryable }
      if (signal.aborted) logger.debug(entry, `${name} pass stopped by abort`)
      else if (reason === 'internal_error') logger.error(entry, `${name} pass failed`)
      else logger.warn(entry, `${name} pass failed`)
    }
    if (again && failures === 0) continue
    const delay =
      failures === 0 ? intervalMs : Math.min(maxBackoffMs, intervalMs * 2 ** Math.min(failures, 16))
    await sleep(delay, signal)
  }
}

/**
 * Waits `ms`, or less if `signal` aborts first (then resolves; it never rejects).
 *
 * @example
 * await sleep(1_000, signal)
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })
}
