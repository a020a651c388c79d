import type { InvalidBytes32Error } from '@ferry/protocol'
import type { EndpointError } from '../../errors/endpointError.js'
import { toBytes32 } from '../../internal/bytes.js'
import { queryEndpoint } from '../../internal/executeEndpoint.js'
import type { EndpointMessageStatus, Hex } from '../../types.js'
import type { CosmWasmExecutor, EndpointQueryParameters } from '../types.js'

export type StoredStatusParameters = EndpointQueryParameters & {
  id: Hex
}
export type StoredStatusReturnType = EndpointMessageStatus
export type StoredStatusErrorType = EndpointError | InvalidBytes32Error

type Answer = { status: EndpointMessageStatus }

/**
 * The delivery status stored for a message id (0 None when the endpoint never saw it).
 *
 * @example
 * ```ts
 * await storedStatus(executor, { contract: endpoint, id } // 2 (MessageStatus.Failed))
 * ```
 */
export async function storedStatus(
  executor: CosmWasmExecutor,
  parameters: StoredStatusParameters,
): Promise<StoredStatusReturnType> {
  const answer = await queryEndpoint<Answer>(executor, parameters.contract, {
    stored_status: { id: toBytes32(parameters.id, 'id') },
  })
  return answer.status
}
