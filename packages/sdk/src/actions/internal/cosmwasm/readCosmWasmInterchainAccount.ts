import { interchainAccount } from '@ferry/cosmwasm-bindings'
import type { Hex } from 'viem'
import type { CosmWasmChainReader } from '../../../chains/cosmwasm/createCosmWasmChainReader.js'

/**
 * `getInterchainAccount`'s CosmWasm branch, loaded only for a CosmWasm destination: the router's
 * `account` query (its factory's instantiate2 address, and whether the account exists).
 *
 * @example
 * const { readCosmWasmInterchainAccount } = await import('./internal/cosmwasm/readCosmWasmInterchainAccount.js')
 */
export function readCosmWasmInterchainAccount(
  reader: CosmWasmChainReader,
  { router, origin, owner }: { router: string; origin: number; owner: Hex },
): Promise<{ address: string; created: boolean }> {
  return interchainAccount(reader.source.reader(), { contract: router, origin, owner })
}
