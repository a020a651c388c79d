/** How the relayer retries and what it asks to be paid; from the config's `relayer` section. */
export type RelayerPolicy = {
  /** Most messages in one `deliverBatch`. */
  batchSize: number
  /** Most gas one `deliverBatch` asks for: the batch stops before its gas floor passes this. */
  maxBatchGas: bigint
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
