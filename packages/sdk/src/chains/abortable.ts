/**
 * `promise`, or a rejection with the signal's reason as soon as `signal` aborts. viem's actions
 * take no signal; the request itself still ends by its own timeout, but the caller stops waiting.
 *
 * @example
 * const block = await abortable(client.getBlock(), signal)
 */
export function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise
  if (signal.aborted) {
    promise.catch(() => {}) // its outcome no longer matters; keep it from going unhandled
    return Promise.reject(signal.reason)
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}
