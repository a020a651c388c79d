import { origin as originConfig } from '@ferry/cosmwasm-bindings'
import type { Hex } from 'viem'
import type { CosmWasmChainReader } from '../../../chains/cosmwasm/createCosmWasmChainReader.js'

/**
 * The validator set and threshold a CosmWasm endpoint verifies messages from `origin` with: it
 * verifies with its own multisig configuration per origin. Loaded only for a CosmWasm
 * destination.
 *
 * @example
 * const { readCosmWasmVerifierSet } = await import('./cosmwasm/readCosmWasmVerifierSet.js')
 * const { validators, threshold } = await readCosmWasmVerifierSet(reader, 31337)
 */
export async function readCosmWasmVerifierSet(
  reader: CosmWasmChainReader,
  origin: number,
): Promise<{ validators: readonly Hex[]; threshold: number }> {
  const { validators, threshold } = await originConfig(reader.source.reader(), {
    contract: reader.contract,
    origin,
  })
  return { validators, threshold }
}
