/**
 * Resolves after `ms`; rejects with the signal's reason as soon as `signal` aborts, so a wait
 * stops at once on shutdown or when the caller gives up.
 *
 * @example
 * await sleep(pollIntervalMs, signal)
 */
export function sleep(ms: number, signal?: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
