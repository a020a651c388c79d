import type { CosmWasmExecutor } from '../client/types.js'
import { bindContractActions, type ContractClient } from '../internal/bindContractActions.js'
import { callRemote } from './callRemote.js'
import { interchainAccount } from './interchainAccount.js'
import { quoteRemoteCall } from './quoteRemoteCall.js'
import { registerCallbacks } from './registerCallbacks.js'
import { remoteResult } from './remoteResult.js'

const actions = { callRemote, interchainAccount, quoteRemoteCall, registerCallbacks, remoteResult }
type Actions = typeof actions

/** Every router action bound to one executor and router; see {@link createInterchainAccountRouterClient}. */
export type InterchainAccountRouterClient = ContractClient<Actions>

/**
 * The interchain account router's actions (`callRemote`, `quoteRemoteCall`, `interchainAccount`,
 * `remoteResult`, `registerCallbacks`) bound to `executor` and the router at `contract`, as
 * `createEndpointClient` binds the endpoint's.
 *
 * @example
 * ```ts
 * const router = createInterchainAccountRouterClient(fromSigningClient(client, sender), routerAddress)
 * const { address } = await router.interchainAccount({ origin: 7001, owner })
 * const { id } = await router.callRemote({ destination: 7002, kind: REMOTE_CALL_KINDS.read, payload, gasLimit: 300_000, ackGasLimit: 200_000 })
 * ```
 */
export function createInterchainAccountRouterClient(
  executor: CosmWasmExecutor,
  contract: string,
): InterchainAccountRouterClient {
  return bindContractActions(actions, executor, contract)
}
