/** How the relayer retries and what it asks to be paid; from the config's `relayer` section. */
export type RelayerPolicy = {
  /** Most messages in one `deliverBatch`. */
  batchSize: number
  /** How long a claimed channel stays leased to this relayer. */
  leaseMs: number
  /** Delay before retrying a Failed message: `initialDelayMs × factor^(attempts-1)`, capped. */
  retry: { initialDelayMs: number; maxDelayMs: number; factor: number }
  /** Least fee, per origin domain, in its native base units; messages paying less wait as `underpaid`. */
  minimumFee: ReadonlyMap<number, bigint>
  /** Delivery transactions one route may have in flight at once (on different channels). */
  maxInFlight: number
}

/**
 * When to try a message again after its `attempts`-th failed try.
 *
 * @example
 * retryAt(policy, 3, new Date()) // now + initialDelayMs × factor²
 */
export function retryAt(policy: RelayerPolicy, attempts: number, now: Date): Date {
  const { initialDelayMs, maxDelayMs, factor } = policy.retry
  const delay = Math.min(maxDelayMs, initialDelayMs * factor ** Math.max(0, attempts - 1))
  return new Date(now.getTime() + delay)
}

/**
 * Gas a delivery of messages with these handler gas limits must be given at least: each handler
 * is guarded by `gasLimit + gasLimit/63 + 3,000` (EVM endpoint), plus the endpoint's own work.
 * Estimates never go below it, so a relayer can't underfund a handler into Failed.
 *
 * @example
 * deliveryGasFloor([200_000, 50_000])
 */
export function deliveryGasFloor(gasLimits: readonly number[]): bigint {
  const perMessage = 60_000n
  const base = 100_000n
  return gasLimits.reduce(
    (sum, limit) => sum + BigInt(limit) + BigInt(limit) / 63n + 3_000n + perMessage,
    base,
  )
}
