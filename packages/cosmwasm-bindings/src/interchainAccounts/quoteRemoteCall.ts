import {
  type FieldOutOfRangeError,
  type InvalidHexError,
  REMOTE_CALL_HEADER_LENGTH,
} from '@ferry/protocol'
import { quote } from '../client/actions/quote.js'
import type { CosmWasmExecutor, EndpointQueryParameters } from '../client/types.js'
import type { EndpointError } from '../errors/endpointError.js'
import { toBase64 } from '../internal/bytes.js'
import type { BytesInput } from '../types.js'

export type QuoteRemoteCallParameters = EndpointQueryParameters & {
  destination: number
  payload: BytesInput
  gasLimit: number
  ackGasLimit?: number | undefined
}
export type QuoteRemoteCallReturnType = { fee: bigint; denom: string }
export type QuoteRemoteCallErrorType = EndpointError | FieldOutOfRangeError | InvalidHexError

/**
 * The fee `callRemote` charges for `payload` (the router's `quote` for a body of
 * 34 + payload bytes), in the endpoint's denom.
 *
 * @example
 * ```ts
 * const { fee, denom } = await quoteRemoteCall(executor, { contract: router, destination: 7002, payload, gasLimit: 500_000 })
 * ```
 */
export function quoteRemoteCall(
  executor: CosmWasmExecutor,
  parameters: QuoteRemoteCallParameters,
): Promise<QuoteRemoteCallReturnType> {
  toBase64(parameters.payload, 'payload') // checks the hex
  const { payload } = parameters
  const payloadLength = payload instanceof Uint8Array ? payload.length : (payload.length - 2) / 2
  return quote(executor, {
    contract: parameters.contract,
    destination: parameters.destination,
    bodyLength: REMOTE_CALL_HEADER_LENGTH + payloadLength,
    gasLimit: parameters.gasLimit,
    ackGasLimit: parameters.ackGasLimit ?? 0,
  })
}
