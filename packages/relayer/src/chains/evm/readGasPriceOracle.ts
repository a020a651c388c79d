import { callRpc } from '@ferry/sdk/internal'
import { type Address, type PublicClient, parseAbi } from 'viem'
import type { GasPriceOracleParameters } from '../../core/fees/syncL1FeeConfig.js'

/** The OP Stack `GasPriceOracle` predeploy, the same address on every OP Stack chain. */
export const GAS_PRICE_ORACLE: Address = '0x420000000000000000000000000000000000000F'

const gasPriceOracleAbi = parseAbi([
  'function l1BaseFee() view returns (uint256)',
  'function blobBaseFee() view returns (uint256)',
  'function baseFeeScalar() view returns (uint32)',
  'function blobBaseFeeScalar() view returns (uint32)',
])

/** What an OP Stack chain's `GasPriceOracle` tells of its L1 data fee (Ecotone and later). */

/**
 * Reads the L1 fee parameters of an OP Stack chain from its `GasPriceOracle` predeploy, at one
 * block, so that the four values belong together. Throws `RpcError` when the chain cannot be
 * read (or is no OP Stack chain: the call then fails).
 *
 * @example
 * const { l1BaseFee, baseFeeScalar } = await readGasPriceOracle({ domain: 10, client })
 */
export async function readGasPriceOracle(
  { domain, client }: { domain: number; client: PublicClient },
  signal?: AbortSignal,
): Promise<GasPriceOracleParameters> {
  const blockNumber = await callRpc(
    { domain },
    'eth_blockNumber',
    () => client.getBlockNumber({ cacheTime: 0 }),
    signal,
  )
  const read = <F extends 'l1BaseFee' | 'blobBaseFee' | 'baseFeeScalar' | 'blobBaseFeeScalar'>(
    functionName: F,
  ) =>
    callRpc(
      { domain },
      functionName,
      () =>
        client.readContract({
          address: GAS_PRICE_ORACLE,
          abi: gasPriceOracleAbi,
          functionName,
          blockNumber,
        }),
      signal,
    )
  const [l1BaseFee, blobBaseFee, baseFeeScalar, blobBaseFeeScalar] = await Promise.all([
    read('l1BaseFee'),
    read('blobBaseFee'),
    read('baseFeeScalar'),
    read('blobBaseFeeScalar'),
  ])
  return { l1BaseFee, blobBaseFee, baseFeeScalar, blobBaseFeeScalar }
}
