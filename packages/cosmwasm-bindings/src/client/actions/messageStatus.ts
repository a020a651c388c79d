import type { InvalidHexError } from '@ferry/protocol'
import type { EndpointError } from '../../errors/endpointError.js'
import { toBase64 } from '../../internal/bytes.js'
import { queryEndpoint } from '../../internal/executeEndpoint.js'
import type { BytesInput, EndpointMessageStatus } from '../../types.js'
import type { CosmWasmExecutor, EndpointQueryParameters } from '../types.js'

export type MessageStatusParameters = EndpointQueryParameters & {
  message: BytesInput
}
export type MessageStatusReturnType = EndpointMessageStatus
export type MessageStatusErrorType = EndpointError | InvalidHexError

type Answer = { status: EndpointMessageStatus }

/**
 * The delivery status of an encoded message on this (its destination) endpoint.
 *
 * @example
 * ```ts
 * await messageStatus(executor, { contract: endpoint, message } // 1 (MessageStatus.Executed))
 * ```
 */
export async function messageStatus(
  executor: CosmWasmExecutor,
  parameters: MessageStatusParameters,
): Promise<MessageStatusReturnType> {
  const answer = await queryEndpoint<Answer>(executor, parameters.contract, {
    message_status: { message: toBase64(parameters.message, 'message') },
  })
  return answer.status
}
