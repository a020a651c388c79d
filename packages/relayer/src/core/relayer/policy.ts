/** How the relayer retries and what it asks to be paid; from the config's `relayer` section. */
export type RelayerPolicy = {
  /** Most messages in one `deliverBatch`. */
  batchSize: number
  /** Most gas one `deliverBatch` asks for: the batch stops before its gas floor passes this. */
  maxBatchGas: bigint
  /** How long a claimed channel stays leased to this relayer. */
  leaseMs: number
  /**
   * Failed messages: the delay before a retry is `initialDelayMs × factor^(attempts-1)`, capped
   * at `maxDelayMs`; a message without a deadline is parked (`retries_exhausted`) once it has
   * had `maxAttempts` attempts; a retry gives its handler `ceil(gasLimit × gasLimitMultiplier)`.
   */
  retry: RetryPolicy
  /** Least fee, per origin domain, in its native base units; messages paying less wait as `underpaid`. */
  minimumFee: ReadonlyMap<number, bigint>
  /** Delivery transactions one route may have in flight at once (on different channels). */
  maxInFlight: number
}

/** `RelayerPolicy.retry`; the config's `relayer.retry`. */
export type RetryPolicy = {
  initialDelayMs: number
  maxDelayMs: number
  factor: number
  /** Attempts (the delivery and each retry) before a message without a deadline is parked. */
  maxAttempts: number
  /** A retry's handler gas limit over the message's own (PROTOCOL §7 `retry(message, gasLimit)`); at least 1. */
  gasLimitMultiplier: number
}

/** Largest u32: the most gas a message or a retry may name. */
const MAX_U32 = 0xffff_ffff

/**
 * The gas limit the relayer's retries of a message give its handler: `ceil(gasLimit ×
 * retry.gasLimitMultiplier)`, but no more than a transaction within `maxBatchGas` can give one
 * handler (a retry that could never be mined would be tried forever), and never below the
 * message's own (the endpoint refuses less).
 *
 * @example
 * retryGasLimit({ ...policy, retry: { ...policy.retry, gasLimitMultiplier: 1.5 } }, 100_001) // 150_002
 */
export function retryGasLimit(policy: RelayerPolicy, gasLimit: number): number {
  // In millionths, in integers: 100,000 × 1.1 is 110,000.00000000001 in floating point, whose
  // ceiling would ask one gas more than the operator meant.
  const millionths = BigInt(Math.round(policy.retry.gasLimitMultiplier * 1e6))
  const scaled = (BigInt(gasLimit) * millionths + 999_999n) / 1_000_000n
  const capped =
    scaled < largestHandlerGas(policy.maxBatchGas) ? scaled : largestHandlerGas(policy.maxBatchGas)
  return Math.max(gasLimit, Number(capped))
}

/** The largest handler limit whose worst case fits one transaction of `maxGas`, at most a u32. */
function largestHandlerGas(maxGas: bigint): bigint {
  // worstCaseMessageGas(L) + BASE_DELIVERY_GAS = L + L/63 + 3,000 + PER_MESSAGE_GAS + BASE ≤ maxGas
  const room = maxGas - BASE_DELIVERY_GAS - PER_MESSAGE_GAS - 3_000n
  const largest = room <= 0n ? 0n : (room * 63n) / 64n
  return largest < BigInt(MAX_U32) ? largest : BigInt(MAX_U32)
}

/**
 * Whether a message that has had `attempts` attempts has used up the relayer's retries: only a
 * message without a deadline is ever parked (one with a deadline is retried until the deadline,
 * then timed out, so that its ack flows).
 *
 * @example
 * retriesExhausted(policy, { deadline: 0n, attempts: 10 }) // true with maxAttempts 10
 */
export function retriesExhausted(
  policy: RelayerPolicy,
  message: { deadline: bigint; attempts: number },
): boolean {
  return message.deadline === 0n && message.attempts >= policy.retry.maxAttempts
}

/**
 * When the relayer next reads the status of a parked (`retries_exhausted`) message, in case
 * someone retried it by hand: `retry.maxDelayMs` from `now`.
 *
 * @example
 * parkedCheckAt(policy, new Date()) // now + maxDelayMs
 */
export function parkedCheckAt(policy: RelayerPolicy, now: Date): Date {
  return new Date(now.getTime() + policy.retry.maxDelayMs)
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

/** The endpoint's own work per message (decode, proof, verifier, events), generously. */
const PER_MESSAGE_GAS = 60_000n
/** A transaction's intrinsic gas and the batch's fixed work. */
export const BASE_DELIVERY_GAS = 100_000n
/** What the EVM endpoint requires left before it calls a handler (PROTOCOL §7, EIP-150). */
const reserve = (gasLimit: number) => BigInt(gasLimit) + BigInt(gasLimit) / 63n + 3_000n

/**
 * Gas a delivery of messages with these handler gas limits must be given at least: the
 * endpoint's work for each, plus the largest handler's guard (`gasLimit + gasLimit/63 + 3,000`:
 * handlers run one after another and unused gas comes back, so only one reservation is held at a
 * time). Estimates never go below it, so an estimator that underestimates can't underfund a
 * handler into Failed; a floor of every handler's full limit would make each transaction claim
 * far more block space than it uses.
 *
 * @example
 * deliveryGasFloor([200_000, 50_000]) // 100,000 + 2 × 60,000 + 206,174
 */
export function deliveryGasFloor(gasLimits: readonly number[]): bigint {
  let largest = 0n
  for (const limit of gasLimits) if (reserve(limit) > largest) largest = reserve(limit)
  return BASE_DELIVERY_GAS + PER_MESSAGE_GAS * BigInt(gasLimits.length) + largest
}

/**
 * Gas one message's delivery could use if its handler spent its whole limit. Batches are sized
 * by the sum (`policy.maxBatchGas`, 12M by default: EIP-7825 caps a transaction at 2^24 gas on
 * Ethereum since Fusaka and on Hardhat's default hardfork, and the adapter asks for up to 1.2 ×
 * its estimate: 1.2 × 12M = 14.4M < 2^24), so a batch fits a transaction whatever its handlers do.
 *
 * @example
 * worstCaseMessageGas(200_000) // 60,000 + 206,174
 */
export function worstCaseMessageGas(gasLimit: number): bigint {
  return PER_MESSAGE_GAS + reserve(gasLimit)
}

/**
 * Gas a delivery of messages with these handler gas limits could use if every handler spent
 * its whole limit: a batch's bound, which the EVM adapter uses as the gas limit once a
 * simulation at it succeeds (`gas.limit: bound`).
 *
 * @example
 * worstCaseDeliveryGas([200_000, 50_000]) // 100,000 + worstCaseMessageGas of each
 */
export function worstCaseDeliveryGas(gasLimits: readonly number[]): bigint {
  return gasLimits.reduce((sum, limit) => sum + worstCaseMessageGas(limit), BASE_DELIVERY_GAS)
}
