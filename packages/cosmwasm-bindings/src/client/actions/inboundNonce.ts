import type { InvalidBytes32Error } from '@ferry/protocol'
import type { EndpointError } from '../../errors/endpointError.js'
import { toBytes32 } from '../../internal/bytes.js'
import { queryEndpoint } from '../../internal/executeEndpoint.js'
import type { Hex } from '../../types.js'
import type { CosmWasmExecutor, EndpointQueryParameters } from '../types.js'

export type InboundNonceParameters = EndpointQueryParameters & {
  channel: Hex
}
export type InboundNonceReturnType = bigint
export type InboundNonceErrorType = EndpointError | InvalidBytes32Error

type Answer = { nonce: string }

/**
 * The nonce of the last message delivered on an inbound channel (`getChannelKey`).
 *
 * @example
 * ```ts
 * await inboundNonce(executor, { contract: endpoint, channel: getChannelKey(message) } // 3n)
 * ```
 */
export async function inboundNonce(
  executor: CosmWasmExecutor,
  parameters: InboundNonceParameters,
): Promise<InboundNonceReturnType> {
  const answer = await queryEndpoint<Answer>(executor, parameters.contract, {
    inbound_nonce: { channel: toBytes32(parameters.channel, 'channel') },
  })
  return BigInt(answer.nonce)
}
