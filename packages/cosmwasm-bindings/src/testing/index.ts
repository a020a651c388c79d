/**
 * Entry point of `@ferry/cosmwasm-bindings/testing`: deploy and connect Ferry's CosmWasm
 * endpoint and the test recipient app, for tests and the devnet. Deployment runs on the embedded
 * chain (`@ferry/cosmwasm-bindings/embedded`); connecting, fees and the test recipient's helpers
 * run on any `CosmWasmExecutor`. Node only (it reads the package's wasm files).
 *
 * @example
 * import { connectOrigin, deployEndpoint, setFeeConfigs } from '@ferry/cosmwasm-bindings/testing'
 */
export {
  type ConnectOriginParameters,
  type ConnectOriginReturnType,
  connectOrigin,
} from './connectOrigin.js'
export {
  type DeployEndpointParameters,
  type DeployEndpointReturnType,
  deployEndpoint,
} from './deployEndpoint.js'
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
export { viaTestRecipient } from './viaTestRecipient.js'
