/**
 * Entry point of `@ferry/cosmwasm-bindings/harness`: Ferry's CosmWasm endpoint in the embedded VM
 * for tests of the endpoint or of an app against it, in process: a `Chain` with the endpoint and
 * the test recipient stored, a simulated signed origin (`Origin`), and a `World` of two connected
 * endpoints that proves and relays what either sends. The validator keys are the caller's (the
 * spec's vectors in Ferry's own tests). Node only (it reads the package's wasm files).
 *
 * @example
 * import { World, DOMAIN_B } from '@ferry/cosmwasm-bindings/harness'
 * const world = await World.create({ validators })
 */
export { account, DENOM, OWNER, PREFIX, RELAYER, USER } from './accounts.js'
export { Chain, type ChainOptions, type Outcome, type OutcomeEvent } from './Chain.js'
export { configureOrigin } from './configureOrigin.js'
export { type ContractError, contractError } from './contractError.js'
export { deliverMsg } from './deliverMsg.js'
export { b64, hexText, text64, textOf } from './encoding.js'
export { errorOf } from './errorOf.js'
export { eventsOf } from './eventsOf.js'
export {
  ORIGIN,
  ORIGIN_ENDPOINT,
  ORIGIN_SENDER,
  Origin,
  type OriginSendOptions,
  type TestValidator,
} from './Origin.js'
export { proveLeaves } from './proveLeaves.js'
export { type Sent, Side } from './Side.js'
export {
  DOMAIN_A,
  DOMAIN_B,
  type ProveOptions,
  type SendOptions,
  World,
  type WorldOptions,
} from './World.js'
export { wasmPath } from './wasmPath.js'
export { ZERO_FEES } from './zeroFees.js'
