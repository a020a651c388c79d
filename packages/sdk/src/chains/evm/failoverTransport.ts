import {
  createTransport,
  type EIP1193RequestFn,
  type EIP1193RequestOptions,
  ExecutionRevertedError,
  HttpRequestError,
  http,
  TimeoutError,
  type Transport,
} from 'viem'

export type FailoverTransportParameters = {
  /** Per-request timeout on each URL: a stalled URL costs at most this before the next is tried. */
  timeoutMs: number
  /** Times a whole round over every URL is retried (with backoff) for retryable errors. */
  retryCount?: number
  /** Called when a URL fails and the next one is tried; `host` only, since URLs may hold keys. */
  onFailover?: (event: { method: string; host: string; error: Error }) => void
}

/**
 * JSON-RPC codes that mean "this node could not serve the request now" rather than an answer:
 * internal error, limit exceeded, resource unavailable, method not found or not supported
 * (a provider that lacks a method), and the rate limits some providers use.
 */
const unavailableCodes = new Set([-32603, -32005, -32002, -32601, -32004, -32007, 429, -1])

/**
 * A viem transport over several HTTP JSON-RPC URLs that sticks to the last URL that answered and
 * moves on to the next one when it fails (HTTP error, timeout, dropped connection, overloaded
 * node). Unlike viem's `fallback`, which starts every request at the first URL, a dead or
 * stalling URL costs one timeout, not one per request. Answers from a node (a revert, "nonce too
 * low") are returned at once: another URL would give the same answer.
 *
 * @example
 * const client = createPublicClient({ transport: failoverTransport(urls, { timeoutMs: 5_000 }) })
 */
export function failoverTransport(
  urls: readonly string[],
  { timeoutMs, retryCount = 1, onFailover }: FailoverTransportParameters,
): Transport<'failover'> {
  if (urls.length === 0) throw new Error('failoverTransport needs at least one URL.')
  const hosts = urls.map(hostOf)
  let preferred = 0
  return ({ chain }) => {
    const transports = urls.map((url) =>
      http(url, { timeout: timeoutMs, retryCount: 0 })({
        chain,
        retryCount: 0,
        timeout: timeoutMs,
      }),
    )
    const request = async (
      { method, params }: { method: string; params?: unknown },
      options?: EIP1193RequestOptions,
    ): Promise<unknown> => {
      let lastError: Error | undefined
      for (let offset = 0; offset < transports.length; offset++) {
        const index = (preferred + offset) % transports.length
        const transport = transports[index]
        if (!transport) continue
        try {
          const result = await transport.request({ method, params }, options)
          preferred = index
          return result
        } catch (error) {
          if (!(error instanceof Error) || !isUnavailable(error)) throw error
          lastError = error
          onFailover?.({ method, host: hosts[index] ?? '?', error })
        }
      }
      throw lastError
    }
    return createTransport({
      key: 'failover',
      name: 'Failover JSON-RPC',
      type: 'failover',
      retryCount,
      timeout: timeoutMs,
      // CAST: a pass-through; it resolves with what a node answered for `method`, which is the
      // result type viem's typed `request` promises its callers.
      request: request as EIP1193RequestFn,
    })
  }
}

/** Whether `error` says the URL is unavailable (try another) rather than giving an answer. */
export function isUnavailable(error: Error): boolean {
  if (error instanceof HttpRequestError || error instanceof TimeoutError) return true
  if (ExecutionRevertedError.nodeMessage.test(error.message)) return false
  // viem's RPC errors (and the raw `RpcRequestError`) carry the JSON-RPC code.
  if ('code' in error && typeof error.code === 'number') return unavailableCodes.has(error.code)
  // Neither an HTTP failure nor a JSON-RPC answer: a socket error, a body that is not JSON.
  return true
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return 'invalid URL'
  }
}
