import { setFeeConfig } from '../client/actions/setFeeConfig.js'
import type { CosmWasmExecutor } from '../client/types.js'
import type { FeeConfig } from '../types.js'

export type SetFeeConfigsParameters = {
  endpoint: string
  /** The endpoint's fee manager (its owner, until changed). */
  feeManager: string
  /**
   * Destination domains to quote; include the endpoint's own domain so that messages asking for
   * an ack can be quoted (the ack's delivery back is paid on the way out).
   */
  domains: readonly number[]
  /**
   * Default: no base fee, gas price 1, rate 1:1, overhead 50,000, 16 per body byte, gas limits
   * up to 2^24 (EIP-7825's cap on one transaction).
   */
  config?: FeeConfig | undefined
}

const DEFAULT_CONFIG: FeeConfig = {
  baseFee: 0n,
  gasPrice: 1n,
  rate: 10n ** 18n,
  gasOverhead: 50_000,
  gasPerByte: 16,
  maxGasLimit: 16_777_216,
}

/**
 * Sets one fee config (PROTOCOL §9) on `endpoint` for each of `domains`, one transaction each.
 *
 * @example
 * ```ts
 * await setFeeConfigs(chain, { endpoint, feeManager: owner, domains: [31337, 7001] })
 * ```
 */
export async function setFeeConfigs(
  executor: CosmWasmExecutor,
  { endpoint, feeManager, domains, config = DEFAULT_CONFIG }: SetFeeConfigsParameters,
): Promise<void> {
  for (const domain of domains)
    await setFeeConfig(executor, { contract: endpoint, sender: feeManager, domain, config })
}
