import type { FieldOutOfRangeError, InvalidBytes32Error } from '@ferry/protocol'
import type { Hex } from 'viem'
import type { CosmWasmExecutor, EndpointQueryParameters } from '../client/types.js'
import type { EndpointError } from '../errors/endpointError.js'
import { MAX_U32, toBytes32, toUint } from '../internal/bytes.js'
import { queryEndpoint } from '../internal/executeEndpoint.js'

export type InterchainAccountParameters = EndpointQueryParameters & {
  /** The domain the owner sends from. */
  origin: number
  /** The owner's canonical address left-padded to 32 bytes (PROTOCOL §2). */
  owner: Hex
}
export type InterchainAccountReturnType = { address: string; created: boolean }
export type InterchainAccountErrorType = EndpointError | FieldOutOfRangeError | InvalidBytes32Error

/**
 * The interchain account of `owner` on `origin` on this chain, as the router's factory computes
 * it (`getInterchainAccountAddress` computes the same offline), and whether it exists yet.
 *
 * @example
 * ```ts
 * const { address, created } = await interchainAccount(executor, { contract: router, origin: 31337, owner })
 * ```
 */
export async function interchainAccount(
  executor: CosmWasmExecutor,
  parameters: InterchainAccountParameters,
): Promise<InterchainAccountReturnType> {
  return queryEndpoint<InterchainAccountReturnType>(executor, parameters.contract, {
    account: {
      origin: toUint(parameters.origin, MAX_U32, 'origin'),
      owner: toBytes32(parameters.owner, 'owner'),
    },
  })
}
