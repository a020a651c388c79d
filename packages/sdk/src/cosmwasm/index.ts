// Entry point of `@ferry/sdk/cosmwasm`: the keyless reader of a CosmWasm chain's Ferry endpoint
// and the sources it reads from (a node over RPC, or the embedded VM). Kept off `@ferry/sdk` so
// that an EVM-only dApp's bundle holds no CosmWasm code: the actions load it with `import()`
// when a client has a CosmWasm chain.
export {
  type CosmWasmChainReader,
  type CreateCosmWasmChainReaderParameters,
  createCosmWasmChainReader,
} from '../chains/cosmwasm/createCosmWasmChainReader.js'
export {
  type CreateCosmWasmEmbeddedSourceParameters,
  createCosmWasmEmbeddedSource,
} from '../chains/cosmwasm/createCosmWasmEmbeddedSource.js'
export {
  type CosmWasmRpcConnection,
  type CosmWasmRpcSource,
  type CreateCosmWasmRpcSourceParameters,
  createCosmWasmRpcSource,
} from '../chains/cosmwasm/createCosmWasmRpcSource.js'
export type { CosmWasmReadSource, SourceTransaction } from '../chains/cosmwasm/source.js'
