import type { EndpointError } from '../../errors/endpointError.js'
import { queryEndpoint } from '../../internal/executeEndpoint.js'
import type { Hex } from '../../types.js'
import type { CosmWasmExecutor, EndpointQueryParameters } from '../types.js'

export type LatestCheckpointParameters = EndpointQueryParameters
export type LatestCheckpointReturnType = { root: Hex; index: number }
export type LatestCheckpointErrorType = EndpointError

type Answer = { root: Hex; index: number }

/**
 * The checkpoint validators sign (PROTOCOL §5): the current root and the index of the last leaf.
 * Throws `EmptyTreeError` before the first send.
 *
 * @example
 * ```ts
 * await latestCheckpoint(executor, { contract: endpoint } // { root: '0x…', index: 11 })
 * ```
 */
export async function latestCheckpoint(
  executor: CosmWasmExecutor,
  parameters: LatestCheckpointParameters,
): Promise<LatestCheckpointReturnType> {
  const answer = await queryEndpoint<Answer>(executor, parameters.contract, {
    latest_checkpoint: {},
  })
  return { root: answer.root, index: answer.index }
}
