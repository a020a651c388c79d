import { bindContractActions, type ContractClient } from '../internal/bindContractActions.js'
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

/** Every endpoint action bound to one executor and endpoint; see {@link createEndpointClient}. */
export type EndpointClient = ContractClient<Actions>

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
  return bindContractActions(actions, executor, contract)
}
