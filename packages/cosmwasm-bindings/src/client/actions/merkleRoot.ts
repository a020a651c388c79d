import type { EndpointError } from '../../errors/endpointError.js'
import { queryEndpoint } from '../../internal/executeEndpoint.js'
import type { Hex } from '../../types.js'
import type { CosmWasmExecutor, EndpointQueryParameters } from '../types.js'

export type MerkleRootParameters = EndpointQueryParameters
export type MerkleRootReturnType = Hex
export type MerkleRootErrorType = EndpointError

type Answer = { root: Hex }

/**
 * The root of the endpoint’s merkle tree of sent message ids.
 *
 * @example
 * ```ts
 * await merkleRoot(executor, { contract: endpoint } // '0x27ae…')
 * ```
 */
export async function merkleRoot(
  executor: CosmWasmExecutor,
  parameters: MerkleRootParameters,
): Promise<MerkleRootReturnType> {
  const answer = await queryEndpoint<Answer>(executor, parameters.contract, { merkle_root: {} })
  return answer.root
}
