import type { CosmWasmExecutor } from '../client/types.js'
import { callRemote } from './callRemote.js'
import { interchainAccount } from './interchainAccount.js'
import { quoteRemoteCall } from './quoteRemoteCall.js'
import { registerCallbacks } from './registerCallbacks.js'
import { remoteResult } from './remoteResult.js'

const actions = { callRemote, interchainAccount, quoteRemoteCall, registerCallbacks, remoteResult }
type Actions = typeof actions

/** Every router action bound to one executor and router; see {@link createInterchainAccountRouterClient}. */
export type InterchainAccountRouterClient = {
  readonly contract: string
  readonly executor: CosmWasmExecutor
} & {
  readonly [name in keyof Actions]: (
    parameters: Omit<Parameters<Actions[name]>[1], 'contract'>,
  ) => ReturnType<Actions[name]>
}

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
  const bound = Object.fromEntries(
    Object.entries(actions).map(([name, action]) => [
      name,
      (parameters: object) =>
        // CAST: each action receives the parameters of its own bound signature plus `contract`.
        (action as (executor: CosmWasmExecutor, parameters: object) => unknown)(executor, {
          ...parameters,
          contract,
        }),
    ]),
  )
  // CAST: `bound` has one entry per action, each the action with executor and contract filled in.
  return { ...bound, contract, executor } as InterchainAccountRouterClient
}
