import type { FieldOutOfRangeError } from '@ferry/protocol'
import type { EndpointError } from '../../errors/endpointError.js'
import { MAX_U32, toUint } from '../../internal/bytes.js'
import { queryEndpoint } from '../../internal/executeEndpoint.js'
import type { CosmWasmExecutor, EndpointQueryParameters } from '../types.js'

export type QuoteParameters = EndpointQueryParameters & {
  destination: number
  bodyLength: number
  gasLimit: number
  /** Gas for the ack’s handler back on this chain; 0 (the default) requests no ack. */
  ackGasLimit?: number | undefined
}
export type QuoteReturnType = { fee: bigint; denom: string }
export type QuoteErrorType = EndpointError | FieldOutOfRangeError

type Answer = { fee: string; denom: string }

/**
 * The fee `send` charges for a message (PROTOCOL §9), in the endpoint’s native denom.
 *
 * @example
 * ```ts
 * await quote(executor, { contract: endpoint, destination: 1, bodyLength: 64, gasLimit: 200_000 }
 * // { fee: 4200n, denom: 'ustake' })
 * ```
 */
export async function quote(
  executor: CosmWasmExecutor,
  parameters: QuoteParameters,
): Promise<QuoteReturnType> {
  const answer = await queryEndpoint<Answer>(executor, parameters.contract, {
    quote: {
      destination: toUint(parameters.destination, MAX_U32, 'destination'),
      body_length: toUint(parameters.bodyLength, MAX_U32, 'bodyLength'),
      gas_limit: toUint(parameters.gasLimit, MAX_U32, 'gasLimit'),
      ack_gas_limit: toUint(parameters.ackGasLimit ?? 0, MAX_U32, 'ackGasLimit'),
    },
  })
  return { fee: BigInt(answer.fee), denom: answer.denom }
}
