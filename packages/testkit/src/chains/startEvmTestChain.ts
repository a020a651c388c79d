import { startHardhatNode } from '../nodes/startHardhatNode.js'
import {
  type DeployEvmTestChainParameters,
  deployEvmTestChain,
  type EvmTestChain,
} from './deployEvmTestChain.js'

export type StartEvmTestChainParameters = DeployEvmTestChainParameters & {
  /** The node's chain id. Default: the domain. */
  chainId?: number | undefined
  /** `op`: the node is an OP Stack rollup (`startHardhatNode`'s `chainType`). Default `l1`. */
  chainType?: 'l1' | 'op' | undefined
  /**
   * Also mine an empty block every `blockTimeMs` (finality needs blocks to keep coming); every
   * transaction is still mined at once. Default: no empty blocks.
   */
  blockTimeMs?: number | undefined
}

/**
 * Starts `hardhat node` on 127.0.0.1 and deploys Ferry and the example apps on it
 * (`deployEvmTestChain`). The node is stopped again if the deployment fails.
 *
 * @example
 * const chain = await startEvmTestChain({ domain: 31337, blockTimeMs: 100 })
 */
export async function startEvmTestChain({
  chainId,
  chainType,
  blockTimeMs,
  ...deployment
}: StartEvmTestChainParameters): Promise<EvmTestChain> {
  const node = await startHardhatNode({ chainId: chainId ?? deployment.domain, chainType })
  try {
    const chain = await deployEvmTestChain(node, deployment)
    if (blockTimeMs !== undefined)
      // CAST: a Hardhat method, which viem's public RPC schema does not list.
      await chain.client.request({
        method: 'evm_setIntervalMining',
        params: [blockTimeMs],
      } as never)
    return chain
  } catch (error) {
    await node.stop()
    throw error
  }
}
