// Entry point of `@ferry/devnet`: starting the whole system in-process, for the examples' tests
// and benches (`pnpm devnet` runs it as a script).

export type {
  CosmWasmTokenEnd,
  EvmTokenEnd,
  TokenEnd,
  TokenTransfer,
  TokenTransferBalances,
} from './bridgeTokens.js'
export type { CosmWasmTokenRoute } from './deployCosmWasmTokenRoute.js'
export type { OpenZeppelinBridge } from './deployOpenZeppelinBridge.js'
export type { DevnetBridges } from './devnetBridges.js'
export type { DemoMessage } from './followMessages.js'
export { type DemoOutcome, runDevnetDemo } from './runDevnetDemo.js'
export { type Devnet, type StartDevnetParameters, startDevnet } from './startDevnet.js'
export type { DevnetSwap, SwapBalances } from './swapOnDevnet.js'
