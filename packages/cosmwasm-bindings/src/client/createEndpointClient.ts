import { acceptOwnership } from './actions/acceptOwnership.js'
import { addFee } from './actions/addFee.js'
import { appVerifier } from './actions/appVerifier.js'
import { config } from './actions/config.js'
import { deliver } from './actions/deliver.js'
import { deliverBatch } from './actions/deliverBatch.js'
import { feeConfig } from './actions/feeConfig.js'
import { inboundNonce } from './actions/inboundNonce.js'
import { latestCheckpoint } from './actions/latestCheckpoint.js'
import { merkleCount } from './actions/merkleCount.js'
import { merkleRoot } from './actions/merkleRoot.js'
import { messageStatus } from './actions/messageStatus.js'
import { origin } from './actions/origin.js'
import { outboundNonce } from './actions/outboundNonce.js'
import { pause } from './actions/pause.js'
import { quote } from './actions/quote.js'
import { removeFeeConfig } from './actions/removeFeeConfig.js'
import { removeOrigin } from './actions/removeOrigin.js'
import { retry } from './actions/retry.js'
import { send } from './actions/send.js'
import { setAppVerifier } from './actions/setAppVerifier.js'
import { setFeeCollector } from './actions/setFeeCollector.js'
import { setFeeConfig } from './actions/setFeeConfig.js'
import { setFeeManager } from './actions/setFeeManager.js'
import { setOrigin } from './actions/setOrigin.js'
import { setThreshold } from './actions/setThreshold.js'
import { storedStatus } from './actions/storedStatus.js'
import { timeout } from './actions/timeout.js'
import { transferOwnership } from './actions/transferOwnership.js'
import { unpause } from './actions/unpause.js'
import { withdrawFees } from './actions/withdrawFees.js'
import type { CosmWasmExecutor } from './types.js'

const actions = {
  acceptOwnership,
  addFee,
  appVerifier,
  config,
  deliver,
  deliverBatch,
  feeConfig,
  inboundNonce,
  latestCheckpoint,
  merkleCount,
  merkleRoot,
  messageStatus,
  origin,
  outboundNonce,
  pause,
  quote,
  removeFeeConfig,
  removeOrigin,
  retry,
  send,
  setAppVerifier,
  setFeeCollector,
  setFeeConfig,
  setFeeManager,
  setOrigin,
  setThreshold,
  storedStatus,
  timeout,
  transferOwnership,
  unpause,
  withdrawFees,
}
type Actions = typeof actions

/** An action with its executor and contract filled in; parameters optional when nothing is left. */
type Bound<action extends Actions[keyof Actions]> =
  Omit<Parameters<action>[1], 'contract'> extends infer rest
    ? Record<string, never> extends rest
      ? (parameters?: rest) => ReturnType<action>
      : (parameters: rest) => ReturnType<action>
    : never

/** Every endpoint action bound to one executor and endpoint; see {@link createEndpointClient}. */
export type EndpointClient = {
  readonly contract: string
  readonly executor: CosmWasmExecutor
} & { readonly [name in keyof Actions]: Bound<Actions[name]> }

/**
 * An object with every endpoint action (`send`, `deliver`, `quote`, `config`, …) bound to
 * `executor` and the endpoint at `contract`, after viem's clients: each method is the action of
 * the same name, without its first argument and `contract`.
 *
 * @example
 * ```ts
 * const endpoint = createEndpointClient(fromEmbeddedChain(chain, owner), endpointAddress)
 * await endpoint.setOrigin({ origin: 1, originEndpoint, validators, threshold: 2 })
 * const { fee } = await endpoint.quote({ destination: 1, bodyLength: 5, gasLimit: 100_000 })
 * const { paused } = await endpoint.config()
 * ```
 */
export function createEndpointClient(executor: CosmWasmExecutor, contract: string): EndpointClient {
  const bound = Object.fromEntries(
    Object.entries(actions).map(([name, action]) => [
      name,
      (parameters: object = {}) =>
        // CAST: each action receives the parameters of its own bound signature plus `contract`.
        (action as (executor: CosmWasmExecutor, parameters: object) => unknown)(executor, {
          ...parameters,
          contract,
        }),
    ]),
  )
  // CAST: `bound` has one entry per action, each the action with executor and contract filled in.
  return { ...bound, contract, executor } as EndpointClient
}
