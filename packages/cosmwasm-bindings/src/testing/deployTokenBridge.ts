import { storeCodeOnce } from './storeCodeOnce.js'
import type { CosmWasmDeployer } from './types.js'

export type DeployTokenBridgeParameters = {
  /** The chain's Ferry endpoint. */
  endpoint: string
  /** Owner of the bridge; also stores the code and instantiates. */
  owner: string
} & (
  | {
      /** A lock bridge for the chain's bank denom `denom`. */
      mode: 'native'
      denom: string
      decimals: number
    }
  | {
      /** A mint bridge that is itself a CW20-compatible token. */
      mode: 'synthetic'
      name: string
      symbol: string
      decimals: number
    }
)

export type DeployTokenBridgeReturnType = { bridge: string }

/**
 * Deploys a token bridge on `endpoint` (INTERFACE.md, Token bridge), storing the package's
 * `token-bridge.wasm` the first time the deployer is used: `native` locks a bank denom,
 * `synthetic` issues a CW20-compatible token. Open its routes with {@link connectTokenBridges}.
 *
 * @example
 * ```ts
 * const { bridge } = await deployTokenBridge(chain, { endpoint, owner, mode: 'native', denom: 'uatom', decimals: 6 })
 * ```
 */
export async function deployTokenBridge(
  deployer: CosmWasmDeployer,
  { endpoint, owner, ...token }: DeployTokenBridgeParameters,
): Promise<DeployTokenBridgeReturnType> {
  const code = await storeCodeOnce(deployer, owner, 'token-bridge')
  const { contractAddress: bridge } = await deployer.instantiate(
    owner,
    code,
    { endpoint, owner, ...token },
    { label: `ferry token bridge (${token.mode})` },
  )
  return { bridge }
}
