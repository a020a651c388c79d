import type { Address } from 'viem'
import {
  collateralTokenBridgeAbi,
  collateralTokenBridgeBytecode,
} from '../generated/collateralTokenBridge.js'
import {
  syntheticTokenBridgeAbi,
  syntheticTokenBridgeBytecode,
} from '../generated/syntheticTokenBridge.js'
import { accountOf, deploy, type FerryChainClients } from './internal/transactions.js'

export type DeployTokenBridgeParameters = { endpoint: Address } & (
  | {
      /** A lock bridge for an existing ERC-20. */
      kind: 'collateral'
      token: Address
    }
  | {
      /** A mint bridge issuing a new `BridgedToken`. */
      kind: 'synthetic'
      name: string
      symbol: string
      decimals: number
    }
)

export type TokenBridgeDeployment = {
  bridge: Address
  /** The ERC-20 the bridge locks, or the `BridgedToken` it mints. */
  token: Address
}

/**
 * Deploys a token bridge on `endpoint`, owned by the wallet's account: a `CollateralTokenBridge`
 * locking `token`, or a `SyntheticTokenBridge` with its `BridgedToken`. Connect it to the bridge
 * of another chain with `connectTokenBridges`, on both chains. Throws `SetupRevertedError` when a
 * transaction reverts.
 *
 * @example
 * const a = await deployTokenBridge(chainA, { endpoint: ferryA.endpoint, kind: 'collateral', token })
 * const b = await deployTokenBridge(chainB, { endpoint: ferryB.endpoint, kind: 'synthetic', name: 'Bridged', symbol: 'bTKN', decimals: 18 })
 */
export async function deployTokenBridge(
  chain: FerryChainClients,
  parameters: DeployTokenBridgeParameters,
): Promise<TokenBridgeDeployment> {
  const { client, wallet } = chain
  const owner = accountOf(wallet)
  if (parameters.kind === 'collateral') {
    const bridge = await deploy(chain, 'CollateralTokenBridge', () =>
      wallet.deployContract({
        abi: collateralTokenBridgeAbi,
        bytecode: collateralTokenBridgeBytecode,
        args: [parameters.endpoint, owner.address, parameters.token],
        account: owner,
        chain: wallet.chain,
      }),
    )
    return { bridge, token: parameters.token }
  }
  const bridge = await deploy(chain, 'SyntheticTokenBridge', () =>
    wallet.deployContract({
      abi: syntheticTokenBridgeAbi,
      bytecode: syntheticTokenBridgeBytecode,
      args: [
        parameters.endpoint,
        owner.address,
        parameters.name,
        parameters.symbol,
        parameters.decimals,
      ],
      account: owner,
      chain: wallet.chain,
    }),
  )
  const token = await client.readContract({
    address: bridge,
    abi: syntheticTokenBridgeAbi,
    functionName: 'token',
  })
  return { bridge, token }
}
