/**
 * `@ferry/testkit`: Ferry's test worlds, written once for every test, bench and the devnet.
 * Start local nodes (`hardhat node`, wasmd, the embedded CosmWasm VM, PostgreSQL), deploy Ferry
 * and the example apps on them (`startTestChain`), and connect any chains both ways
 * (`connectChains`), with well-known test keys. Private: for tests, benches and the devnet.
 *
 * @example
 * import { connectChains, startTestChain, testValidatorKeys } from '@ferry/testkit'
 */

// Chains: start, deploy, connect
export { type L1Attributes, setL1Attributes } from '@ferry/evm-contracts/testing'
export {
  type ConnectChainParameters,
  type CosmWasmTestFees,
  connectChain,
  type EvmTestFees,
} from './chains/connectChain.js'
export { connectChains } from './chains/connectChains.js'
export {
  type DeployEvmTestChainParameters,
  deployEvmTestChain,
  type EvmTestChain,
  type EvmTestTokenBridge,
} from './chains/deployEvmTestChain.js'
export {
  type CosmWasmTestChain,
  type CosmWasmTestNode,
  type StartCosmWasmTestChainParameters,
  startCosmWasmTestChain,
} from './chains/startCosmWasmTestChain.js'
export { type StartEvmTestChainParameters, startEvmTestChain } from './chains/startEvmTestChain.js'
export {
  type StartTestChainParameters,
  startTestChain,
  type TestChain,
} from './chains/startTestChain.js'
export { testChainEndpoint } from './chains/testChainEndpoint.js'
// Keys
export { devnetValidatorKey } from './keys/devnetValidatorKey.js'
export {
  HARDHAT_KEYS,
  TEST_COSMWASM_ACCOUNTS,
  TEST_COSMWASM_BECH32_PREFIX,
  TEST_COSMWASM_DENOM,
  TEST_COSMWASM_HD_INDEX,
  TEST_COSMWASM_MNEMONIC,
  TEST_DEPLOYER_KEY,
  TEST_RELAYER_KEYS,
} from './keys/testAccounts.js'
export { testValidatorKeys } from './keys/testValidatorKeys.js'
// Nodes
export { buildWasmd } from './nodes/buildWasmd.js'
export {
  type HardhatNode,
  HardhatNodeStartError,
  type StartHardhatNodeParameters,
  startHardhatNode,
} from './nodes/startHardhatNode.js'
export {
  PostgresNotInstalledError,
  PostgresStartError,
  type StartedPostgres,
  type StartPostgresParameters,
  startPostgres,
} from './nodes/startPostgres.js'
export {
  type RpcFaultHook,
  type RpcFaultMode,
  type RpcFaultProxy,
  type RpcFaultRequest,
  type RpcFaultRule,
  type RpcRewrite,
  type StartRpcFaultProxyParameters,
  startRpcFaultProxy,
} from './nodes/startRpcFaultProxy.js'
export {
  type StartWasmdLocalnetParameters,
  startWasmdLocalnet,
  type WasmdLocalnet,
  WasmdLocalnetError,
} from './nodes/startWasmdLocalnet.js'
export { WasmdUnavailableError } from './nodes/WasmdUnavailableError.js'
// Processes
export { freePort, NoFreePortError } from './process/freePort.js'
export { stopChild } from './process/stopChild.js'
