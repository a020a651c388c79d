/**
 * A domain's L1 data fee parameters (PROTOCOL §9): those of an OP Stack rollup's
 * `GasPriceOracle` (Fjord and later), and the compressed size of a one-message delivery there
 * beside its body. All zero for a domain without an L1 data fee. The Solidity endpoint's
 * `L1FeeConfig`.
 */
export type L1FeeConfig = {
  /** The L1 base fee the rollup last saw, in wei (`GasPriceOracle.l1BaseFee()`). */
  l1BaseFee: bigint
  /** The L1 blob base fee, in wei (`GasPriceOracle.blobBaseFee()`). */
  blobBaseFee: bigint
  /** `GasPriceOracle.baseFeeScalar()`, scaled by 1e6 (u32). */
  baseFeeScalar: number
  /** `GasPriceOracle.blobBaseFeeScalar()`, scaled by 1e6 (u32). */
  blobBaseFeeScalar: number
  /** Compressed bytes of a one-message delivery beside its body (u32). */
  overheadBytes: number
}

/** Fjord's regression of L1 bytes on FastLZ size, scaled by 1e6: intercept (subtracted) … */
const COST_INTERCEPT = 42_585_600n
/** … and slope. */
const COST_FASTLZ_COEF = 836_500n
/** Fjord's floor of the estimated size: 100 bytes, scaled by 1e6. */
const MIN_TRANSACTION_SIZE_SCALED = 100_000_000n
/** The scale of the size (1e6) times that of the scalars (1e6). */
const SCALE = 10n ** 12n

/**
 * The L1 data fee, in the rollup's wei, of delivering a message with a `bodyLength`-byte body to
 * it (PROTOCOL §9): Fjord's cost function on the size `overheadBytes + bodyLength +
 * ⌈bodyLength / 32⌉` (the body as FastLZ stores incompressible bytes: runs of 32 after a 1-byte
 * header),
 * `max(100e6, 836,500 × size − 42,585,600) × (16 × baseFeeScalar × l1BaseFee +
 * blobBaseFeeScalar × blobBaseFee) / 1e12`; 0 when both scalars are 0. What an endpoint's quote
 * adds, × the destination's rate / 1e18.
 *
 * @example
 * ```ts
 * import { getL1DataFee } from '@ferry/protocol'
 *
 * const wei = getL1DataFee(
 *   { l1BaseFee: 20_000_000_000n, blobBaseFee: 3_000_000_000n, baseFeeScalar: 1368, blobBaseFeeScalar: 810949, overheadBytes: 600 },
 *   1024,
 * ) // 3854244601648n
 * ```
 */
export function getL1DataFee(config: L1FeeConfig, bodyLength: number): bigint {
  if (config.baseFeeScalar === 0 && config.blobBaseFeeScalar === 0) return 0n
  const feeScaled =
    16n * BigInt(config.baseFeeScalar) * config.l1BaseFee +
    BigInt(config.blobBaseFeeScalar) * config.blobBaseFee
  const size = config.overheadBytes + bodyLength + Math.ceil(bodyLength / 32)
  const estimate = COST_FASTLZ_COEF * BigInt(size)
  const floored =
    estimate > MIN_TRANSACTION_SIZE_SCALED + COST_INTERCEPT
      ? estimate - COST_INTERCEPT
      : MIN_TRANSACTION_SIZE_SCALED
  return (floored * feeScaled) / SCALE
}
