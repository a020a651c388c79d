import type { L1FeeConfig } from '@ferry/protocol'
import type { Logger } from 'pino'
import type { ChainSubmitter } from '../../chains/types.js'

/** What a rollup's `GasPriceOracle` gives of its L1 fee config: all of it but `overheadBytes`. */
export type GasPriceOracleParameters = Omit<L1FeeConfig, 'overheadBytes'>

export type SyncL1FeeConfigParameters = {
  /** The origin, whose fee manager is this submitter's key. */
  origin: ChainSubmitter
  /** The rollup destination's domain. */
  destination: number
  /** Reads the destination's `GasPriceOracle` (`readGasPriceOracle`). */
  readOracle: (signal?: AbortSignal) => Promise<GasPriceOracleParameters>
  /** Reads what the origin's endpoint holds for the destination (`l1FeeConfig(destination)`). */
  readCurrent: (signal?: AbortSignal) => Promise<L1FeeConfig>
  /** Compressed bytes of a one-message delivery there beside its body (PROTOCOL §9). */
  overheadBytes: number
  logger: Logger
  signal?: AbortSignal | undefined
}

/** What one sync did. */
export type SyncL1FeeConfigReturnType =
  | { type: 'unchanged'; config: L1FeeConfig }
  | { type: 'updated'; config: L1FeeConfig; previous: L1FeeConfig; transactionHash: string }

/**
 * Keeps the L1 data fee parameters an origin's endpoint holds for a rollup destination equal to
 * what the rollup's `GasPriceOracle` says now (PROTOCOL §9): reads both and, when they differ,
 * sends `setL1FeeConfig` from the origin's fee manager, so that quotes follow the L1 base fee.
 *
 * @example
 * const result = await syncL1FeeConfig({ origin, destination: 10, readOracle, readCurrent, overheadBytes: 600, logger })
 * if (result.type === 'updated') console.log(result.transactionHash)
 */
export async function syncL1FeeConfig({
  origin,
  destination,
  readOracle,
  readCurrent,
  overheadBytes,
  logger,
  signal,
}: SyncL1FeeConfigParameters): Promise<SyncL1FeeConfigReturnType> {
  const [oracle, previous] = await Promise.all([readOracle(signal), readCurrent(signal)])
  const config: L1FeeConfig = { ...oracle, overheadBytes }
  if (sameConfig(config, previous)) return { type: 'unchanged', config }
  const receipt = await origin.submit(
    { type: 'setL1FeeConfig', domain: destination, config },
    { gasFloor: 0n, messageIds: [], signal },
  )
  logger.info(
    {
      origin: origin.domain,
      destination,
      l1BaseFee: config.l1BaseFee.toString(),
      blobBaseFee: config.blobBaseFee.toString(),
      tx: receipt.transactionHash,
    },
    'L1 fee parameters updated',
  )
  return { type: 'updated', config, previous, transactionHash: receipt.transactionHash }
}

function sameConfig(a: L1FeeConfig, b: L1FeeConfig): boolean {
  return (
    a.l1BaseFee === b.l1BaseFee &&
    a.blobBaseFee === b.blobBaseFee &&
    a.baseFeeScalar === b.baseFeeScalar &&
    a.blobBaseFeeScalar === b.blobBaseFeeScalar &&
    a.overheadBytes === b.overheadBytes
  )
}
