import { interchainAccountRouterAbi } from '@ferry/evm-contracts'
import { addressToBytes32 } from '@ferry/protocol'
import type { Address } from 'viem'
import type { ChainOf, ChainRef, FerryClient } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'
import { NoInterchainAccountRouterError } from '../errors/NoInterchainAccountRouterError.js'
import type { RecipientOf } from './send.js'

export type GetInterchainAccountParameters<
  chains extends readonly FerryChain[] = readonly FerryChain[],
  destination extends ChainRef<chains> = ChainRef<chains>,
> = {
  /** The chain the owner calls from. */
  origin: ChainRef<chains>
  /** The owner on `origin`: an EVM address, a bech32 address or 32-byte hex. */
  owner: string
  /** The chain the account is on. */
  destination: destination
}

export type GetInterchainAccountReturnType<chain extends FerryChain = FerryChain> = {
  /** The account's address on the destination (EVM hex, or bech32), whether it exists or not. */
  address: RecipientOf<chain>
  /** Whether it was deployed yet (on first use, or by anyone before). */
  created: boolean
}

export type GetInterchainAccountErrorType = NoInterchainAccountRouterError | Error

/**
 * The interchain account `owner` on `origin` has on `destination`: the address its calls come
 * from (fund it there before the first call, if the calls send value), predicted by the
 * destination's router from its long-lived factory, so it exists before the account does and
 * stays the same when the router is replaced.
 *
 * @example
 * const { address, created } = await getInterchainAccount(client, { origin: 'evm-a', owner: user, destination: 'wasm' })
 */
export async function getInterchainAccount<
  const chains extends readonly FerryChain[],
  destination extends ChainRef<chains>,
>(
  client: FerryClient<chains>,
  parameters: GetInterchainAccountParameters<chains, destination>,
): Promise<GetInterchainAccountReturnType<ChainOf<chains, destination>>> {
  const origin: FerryChain = client.chain(parameters.origin)
  const destination: FerryChain = client.chain(parameters.destination)
  const router = destination.interchainAccountRouter
  if (router === undefined)
    throw new NoInterchainAccountRouterError({
      chain: destination.name,
      action: 'getInterchainAccount',
    })
  const owner = addressToBytes32(parameters.owner)
  const reader = client.reader(destination)
  if (reader.kind === 'evm') {
    const address = await reader.client.readContract({
      // CAST: an EVM chain's router is an address (FerryEvmChain types it so).
      address: router as Address,
      abi: interchainAccountRouterAbi,
      functionName: 'accountAddress',
      args: [origin.domain, owner],
    })
    const code = await reader.client.getCode({ address })
    // CAST: the destination is EVM, so its recipients are hex.
    return { address, created: code !== undefined && code !== '0x' } as never
  }
  // Loaded here so that an app on EVM chains alone never loads the CosmWasm bindings.
  const { readCosmWasmInterchainAccount } = await import(
    './internal/cosmwasm/readCosmWasmInterchainAccount.js'
  )
  // CAST: the destination is CosmWasm, so its recipients are bech32 strings.
  return readCosmWasmInterchainAccount(reader, { router, origin: origin.domain, owner }) as never
}
