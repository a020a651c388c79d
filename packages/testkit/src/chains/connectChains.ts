import { type ConnectChainParameters, connectChain } from './connectChain.js'
import type { TestChain } from './startTestChain.js'

/**
 * Connects every pair of `chains` both ways, whatever their kinds (EVM ↔ EVM, EVM ↔ CosmWasm,
 * CosmWasm ↔ CosmWasm): each endpoint trusts every other origin's validators and quotes fees to
 * it and back (`connectChain` for each chain).
 *
 * @example
 * await connectChains([evmA, evmB, wasm], {
 *   validators: (domain) => testValidatorKeys(domain).map((key) => privateKeyToAddress(key)),
 *   threshold: 2,
 * })
 */
export async function connectChains(
  chains: readonly TestChain[],
  parameters: ConnectChainParameters,
): Promise<void> {
  for (const local of chains)
    await connectChain(
      local,
      chains.filter((chain) => chain !== local),
      parameters,
    )
}
