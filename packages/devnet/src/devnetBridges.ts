import type { CosmWasmTokenRoute } from './deployCosmWasmTokenRoute.js'
import type { OpenZeppelinBridge } from './deployOpenZeppelinBridge.js'

/**
 * The token bridges the devnet deploys once its chains are connected, beyond each EVM chain's
 * own Ferry bridge (`apps.tokenBridge`: evm-a's test ERC-20 locked, minted on evm-b).
 */
export type DevnetBridges = {
  /** OpenZeppelin's `BridgeERC20` on evm-a and `ERC20Crosschain` on evm-b, over the gateways. */
  openZeppelin: OpenZeppelinBridge
  /** The CosmWasm chain's denom locked there, minted as an ERC-20 on evm-a. */
  cosmWasmToken: CosmWasmTokenRoute
}
