import type { EndpointError } from '../../errors/endpointError.js'
import { queryEndpoint } from '../../internal/executeEndpoint.js'
import type { CosmWasmExecutor, EndpointQueryParameters } from '../types.js'

export type MerkleCountParameters = EndpointQueryParameters
export type MerkleCountReturnType = number
export type MerkleCountErrorType = EndpointError

type Answer = { count: number }

/**
 * How many message ids the endpoint’s merkle tree holds.
 *
 * @example
 * ```ts
 * await merkleCount(executor, { contract: endpoint } // 12)
 * ```
 */
export async function merkleCount(
  executor: CosmWasmExecutor,
  parameters: MerkleCountParameters,
): Promise<MerkleCountReturnType> {
  const answer = await queryEndpoint<Answer>(executor, parameters.contract, { merkle_count: {} })
  return answer.count
}
