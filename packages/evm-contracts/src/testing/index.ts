/**
 * Test and demo helpers for apps built on Ferry: deploy endpoints and verifiers on any viem
 * clients (Hardhat's in-process network, `hardhat node`, anvil), connect them, and relay messages
 * with real proofs signed by local validator keys, so an app's tests exercise the real delivery
 * path end to end.
 *
 * @example
 * import { connectEndpoints, deployFerry, relayMessages } from '@ferry/evm-contracts/testing'
 */

export { type ConnectGatewaysParameters, connectGateways } from './connectGateways.js'
export {
  type ConnectInterchainAccountsParameters,
  connectInterchainAccounts,
} from './connectInterchainAccounts.js'
export {
  type ConnectTokenBridgesParameters,
  connectTokenBridges,
  type TokenBridgeLimits,
} from './connectTokenBridges.js'
export {
  type ConnectEndpointsParameters,
  connectEndpoints,
  DeploymentFailedError,
  deployFerry,
  type FerryChainClients,
  type FerryDeployment,
  SetupRevertedError,
} from './deployFerry.js'
export { type DeployGatewayParameters, deployGateway } from './deployGateway.js'
export {
  type DeployInterchainAccountsParameters,
  deployInterchainAccounts,
  type InterchainAccountsDeployment,
} from './deployInterchainAccounts.js'
export {
  type DeployTokenBridgeParameters,
  deployTokenBridge,
  type TokenBridgeDeployment,
} from './deployTokenBridge.js'
export {
  type GetSentMessagesParameters,
  getSentMessages,
  type SentMessage,
} from './getSentMessages.js'
export {
  type RelayedMessage,
  type RelayMessagesParameters,
  type RelayMessagesReturnType,
  RelayTreeMismatchError,
  relayMessages,
} from './relayMessages.js'
export { type L1Attributes, setL1Attributes } from './setL1Attributes.js'
