import type { EmbeddedChain } from '../embedded/createEmbeddedChain.js'
import type { CosmWasmExecutor } from './types.js'

export type FromEmbeddedChainReturnType = CosmWasmExecutor & { readonly sender: string }

/**
 * A `CosmWasmExecutor` over an embedded chain that executes as `sender` unless an action names
 * another account. (The chain is an executor itself; this only adds the default sender.)
 *
 * @example
 * ```ts
 * const relayer = fromEmbeddedChain(chain, relayerAddress)
 * await deliver(relayer, { contract: endpoint, message, proof })
 * ```
 */
export function fromEmbeddedChain(
  chain: EmbeddedChain,
  sender: string,
): FromEmbeddedChainReturnType {
  return {
    sender,
    execute: (account, contract, msg, funds) => chain.execute(account, contract, msg, funds),
    query: (contract, msg) => chain.query(contract, msg),
  }
}
