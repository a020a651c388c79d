import type { Address } from 'viem'
import { ferryGatewayAbi, ferryGatewayBytecode } from '../generated/ferryGateway.js'
import { accountOf, deploy, type FerryChainClients } from './internal/transactions.js'

export type DeployGatewayParameters = {
  /** The chain's Ferry endpoint. */
  endpoint: Address
  /** Gas a recipient gets when a message has no `minGasLimit` attribute; default 200,000. */
  defaultGasLimit?: number
  /**
   * The EIP-155 chain id naming this chain in the ERC-7930 senders the gateway reports; default
   * `block.chainid`. Give the Ferry domain when several domains share one chain (a test network).
   */
  localChainId?: number | bigint
}

/**
 * Deploys a `FerryGateway` (an ERC-7786 gateway) on `endpoint`, owned by the wallet's account.
 * Connect it to the gateway of another chain with `connectGateways`, on both chains. Throws
 * `SetupRevertedError` when a transaction reverts.
 *
 * @example
 * const gateway = await deployGateway(chainA, { endpoint: ferryA.endpoint, localChainId: 31337 })
 */
export async function deployGateway(
  chain: FerryChainClients,
  { endpoint, defaultGasLimit = 200_000, localChainId = 0 }: DeployGatewayParameters,
): Promise<Address> {
  const { wallet } = chain
  const owner = accountOf(wallet)
  return deploy(chain, 'FerryGateway', () =>
    wallet.deployContract({
      abi: ferryGatewayAbi,
      bytecode: ferryGatewayBytecode,
      args: [endpoint, owner.address, defaultGasLimit, BigInt(localChainId)],
      account: owner,
      chain: wallet.chain,
    }),
  )
}
