// Entry point of `@ferry/cosmwasm-bindings/embedded`: an in-process CosmWasm chain
// (`@oraichain/cw-simulate`, with the fixes in simulator/ that make it behave as wasmd) for tests
// and the zero-install devnet. Node only.

export type {
  EmbeddedBlock,
  EmbeddedBlockHeader,
  EmbeddedTransaction,
  EmbeddedTransactionEvents,
} from './blockLog.js'
export {
  type CreateEmbeddedChainParameters,
  createEmbeddedChain,
  type EmbeddedChain,
  type InstantiateOptions,
  type InstantiateOutcome,
} from './createEmbeddedChain.js'
export { EmbeddedChainError } from './errors.js'
export { fixSimulator } from './simulator/fixSimulator.js'
