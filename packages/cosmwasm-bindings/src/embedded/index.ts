// Entry point of `@ferry/cosmwasm-bindings/embedded`: an in-process CosmWasm chain (a patched
// `@oraichain/cw-simulate`) for tests and the zero-install devnet. Node only.

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
