export type CreateRateLimiterParameters = {
  /** Tokens each client regains per second. */
  requestsPerSecond: number
  /** Most tokens a client holds: how many requests it may make at once after a pause. */
  burst: number
  /** Clients tracked at once; past it the least recently seen are forgotten. Default 10000. */
  maxClients?: number | undefined
  /** Clock in milliseconds (tests). Default `performance.now`. */
  now?: (() => number) | undefined
}

export type RateLimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number }

export type RateLimiter = {
  /** Takes one token from `client`'s bucket, or says how long until one is there. */
  take(client: string): RateLimitDecision
  /** Clients tracked now. */
  readonly size: number
}

/**
 * A token bucket per client: each starts full (`burst`), regains `requestsPerSecond` tokens a
 * second, and a request takes one. Memory stays bounded: at most `maxClients` buckets, the least
 * recently seen dropped first (a dropped client comes back with a full bucket, which only ever
 * errs towards letting a request through).
 *
 * @example
 * ```ts
 * const limiter = createRateLimiter({ requestsPerSecond: 20, burst: 40 })
 * const decision = limiter.take('127.0.0.1')
 * if (!decision.ok) answer429(decision.retryAfterSeconds)
 * ```
 */
export function createRateLimiter({
  requestsPerSecond,
  burst,
  maxClients = 10_000,
  now = () => performance.now(),
}: CreateRateLimiterParameters): RateLimiter {
  // Map iteration order is insertion order: re-inserting on each use keeps it least-recent first.
  const buckets = new Map<string, { tokens: number; at: number }>()
  return {
    take(client) {
      const time = now()
      const previous = buckets.get(client)
      const tokens = previous
        ? Math.min(burst, previous.tokens + ((time - previous.at) / 1_000) * requestsPerSecond)
        : burst
      buckets.delete(client)
      if (buckets.size >= maxClients) {
        const oldest = buckets.keys().next()
        if (!oldest.done) buckets.delete(oldest.value)
      }
      if (tokens >= 1) {
        buckets.set(client, { tokens: tokens - 1, at: time })
        return { ok: true }
      }
      buckets.set(client, { tokens, at: time })
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / requestsPerSecond)),
      }
    },
    get size() {
      return buckets.size
    },
  }
}
