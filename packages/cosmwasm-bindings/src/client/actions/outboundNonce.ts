import type { InvalidBytes32Error } from '@ferry/protocol'
import type { EndpointError } from '../../errors/endpointError.js'
import { toBytes32 } from '../../internal/bytes.js'
import { queryEndpoint } from '../../internal/executeEndpoint.js'
import type { Hex } from '../../types.js'
import type { CosmWasmExecutor, EndpointQueryParameters } from '../types.js'

export type OutboundNonceParameters = EndpointQueryParameters & {
  channel: Hex
}
export type OutboundNonceReturnType = bigint
export type OutboundNonceErrorType = EndpointError | InvalidBytes32Error

type Answer = { nonce: string }

/**
 * The nonce of the last message sent on an outbound channel (`getChannelKey`).
 *
 * @example
 * ```ts
 * await outboundNonce(executor, { contract: endpoint, channel } // 7n)
 * ```
 */
export async function outboundNonce(
  executor: CosmWasmExecutor,
  parameters: OutboundNonceParameters,
): Promise<OutboundNonceReturnType> {
  const answer = await queryEndpoint<Answer>(executor, parameters.contract, {
    outbound_nonce: { channel: toBytes32(parameters.channel, 'channel') },
  })
  return BigInt(answer.nonce)
}
