import type { CosmWasmExecutor } from '../client/types.js'
import { bindContractActions, type ContractClient } from '../internal/bindContractActions.js'
import { collateralOf } from './collateralOf.js'
import { cw20Balance } from './cw20Balance.js'
import { cw20TokenInfo } from './cw20TokenInfo.js'
import { cw20Transfer } from './cw20Transfer.js'
import { quoteTransfer } from './quoteTransfer.js'
import { setTokenBridgeGuardian } from './setTokenBridgeGuardian.js'
import { setTokenBridgePaused } from './setTokenBridgePaused.js'
import { setTokenBridgeRoute } from './setTokenBridgeRoute.js'
import { tokenBridgeConfig } from './tokenBridgeConfig.js'
import { tokenBridgeRoute } from './tokenBridgeRoute.js'
import { transferRemote } from './transferRemote.js'

const actions = {
  collateralOf,
  cw20Balance,
  cw20TokenInfo,
  cw20Transfer,
  quoteTransfer,
  setTokenBridgeGuardian,
  setTokenBridgePaused,
  setTokenBridgeRoute,
  tokenBridgeConfig,
  tokenBridgeRoute,
  transferRemote,
}
type Actions = typeof actions

/** Every token bridge action bound to one executor and bridge; see {@link createTokenBridgeClient}. */
export type TokenBridgeClient = ContractClient<Actions>

/**
 * The CosmWasm token bridge's actions (`transferRemote`, `quoteTransfer`, its configuration and,
 * for a synthetic bridge, its CW20 token) bound to `executor` and the bridge at `contract`, as
 * `createEndpointClient` binds the endpoint's.
 *
 * @example
 * ```ts
 * const bridge = createTokenBridgeClient(fromSigningClient(client, sender), bridgeAddress)
 * const { amountReceived, dust } = await bridge.quoteTransfer({ destination: 31337, amount: 1_234_567n })
 * const { id } = await bridge.transferRemote({ destination: 31337, recipient: '0x7099…79c8', amount: 1_234_567n })
 * ```
 */
export function createTokenBridgeClient(
  executor: CosmWasmExecutor,
  contract: string,
): TokenBridgeClient {
  return bindContractActions(actions, executor, contract)
}
