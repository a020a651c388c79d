/**
 * Entry point of `@ferry/cosmwasm-bindings/testing`: deploy and connect Ferry's CosmWasm
 * endpoint, the interchain-account router and factory, the token bridge, the HTLC, and the test recipient app, for tests and the devnet. Deployment runs on any
 * `CosmWasmDeployer`: the embedded chain (`@ferry/cosmwasm-bindings/embedded`), or a node's
 * `SigningCosmWasmClient` through `deployerFromSigningClient`; connecting, fees and the test
 * recipient's helpers on any `CosmWasmExecutor`. Node only (it reads the package's wasm files).
 *
 * @example
 * import { connectOrigin, deployEndpoint, setFeeConfigs } from '@ferry/cosmwasm-bindings/testing'
 */

export {
  type ConnectInterchainAccountsParameters,
  connectInterchainAccounts,
} from './connectInterchainAccounts.js'
export {
  type ConnectOriginParameters,
  type ConnectOriginReturnType,
  connectOrigin,
} from './connectOrigin.js'
export {
  type ConnectTokenBridgesParameters,
  connectTokenBridges,
} from './connectTokenBridges.js'
export {
  type DeployEndpointParameters,
  type DeployEndpointReturnType,
  deployEndpoint,
} from './deployEndpoint.js'
export {
  type DeployerFromSigningClientReturnType,
  type DeployerSigningClientLike,
  deployerFromSigningClient,
} from './deployerFromSigningClient.js'
export { type DeployHtlcParameters, deployHtlc } from './deployHtlc.js'
export {
  type DeployInterchainAccountsParameters,
  type DeployInterchainAccountsReturnType,
  deployInterchainAccounts,
} from './deployInterchainAccounts.js'
export {
  type DeployTokenBridgeParameters,
  type DeployTokenBridgeReturnType,
  deployTokenBridge,
} from './deployTokenBridge.js'
export {
  type InstantiateTestRecipientParameters,
  type InstantiateTestRecipientReturnType,
  instantiateTestRecipient,
} from './instantiateTestRecipient.js'
export { type SetFeeConfigsParameters, setFeeConfigs } from './setFeeConfigs.js'
export {
  type TestRecipientHandledParameters,
  type TestRecipientHandledReturnType,
  testRecipientHandled,
} from './testRecipientHandled.js'
export type { CosmWasmDeployer } from './types.js'
export { viaTestRecipient } from './viaTestRecipient.js'
