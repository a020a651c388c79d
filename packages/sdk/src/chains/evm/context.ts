import type { Address, PublicClient } from 'viem'

/**
 * What the EVM reader's functions share: built once by `createEvmChainReader`, passed first to
 * each function (viem's client-first style). A submitter's context extends it with a key.
 */
export type EvmReadContext = {
  domain: number
  endpoint: Address
  client: PublicClient
}
