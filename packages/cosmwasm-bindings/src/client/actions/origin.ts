import type { FieldOutOfRangeError } from '@ferry/protocol'
import type { EndpointError } from '../../errors/endpointError.js'
import { MAX_U32, toUint } from '../../internal/bytes.js'
import { queryEndpoint } from '../../internal/executeEndpoint.js'
import type { Hex } from '../../types.js'
import type { CosmWasmExecutor, EndpointQueryParameters } from '../types.js'

export type OriginParameters = EndpointQueryParameters & {
  origin: number
}
export type OriginReturnType = { originEndpoint: Hex; validators: Hex[]; threshold: number }
export type OriginErrorType = EndpointError | FieldOutOfRangeError

type Answer = { origin_endpoint: Hex; validators: Hex[]; threshold: number }

/**
 * The validator set and threshold of an origin domain; throws `UnknownOriginError` when unset.
 *
 * @example
 * ```ts
 * await origin(executor, { contract: endpoint, origin: 1 }
 * // { originEndpoint: '0x…', validators: ['0x…', '0x…'], threshold: 2 })
 * ```
 */
export async function origin(
  executor: CosmWasmExecutor,
  parameters: OriginParameters,
): Promise<OriginReturnType> {
  const answer = await queryEndpoint<Answer>(executor, parameters.contract, {
    origin: { origin: toUint(parameters.origin, MAX_U32, 'origin') },
  })
  return {
    originEndpoint: answer.origin_endpoint,
    validators: answer.validators,
    threshold: answer.threshold,
  }
}
