import type { FieldOutOfRangeError } from '@ferry/protocol'
import type { EndpointError } from '../../errors/endpointError.js'
import { MAX_U32, toUint } from '../../internal/bytes.js'
import { queryEndpoint } from '../../internal/executeEndpoint.js'
import type { FeeConfig } from '../../types.js'
import type { CosmWasmExecutor, EndpointQueryParameters } from '../types.js'

export type FeeConfigParameters = EndpointQueryParameters & {
  domain: number
}
export type FeeConfigReturnType = FeeConfig
export type FeeConfigErrorType = EndpointError | FieldOutOfRangeError

type Answer = {
  base_fee: string
  gas_price: string
  rate: string
  gas_overhead: number
  gas_per_byte: number
  max_gas_limit: number
}

/**
 * The fee parameters of a destination domain; throws `UnknownDomainError` when unset.
 *
 * @example
 * ```ts
 * await feeConfig(executor, { contract: endpoint, domain: 1 }
 * // { baseFee: 1000n, gasPrice: 1n, rate: 10n ** 18n, gasOverhead: 50000, gasPerByte: 16,
 * //   maxGasLimit: 10000000 }
 * ```
 */
export async function feeConfig(
  executor: CosmWasmExecutor,
  parameters: FeeConfigParameters,
): Promise<FeeConfigReturnType> {
  const answer = await queryEndpoint<Answer>(executor, parameters.contract, {
    fee_config: { domain: toUint(parameters.domain, MAX_U32, 'domain') },
  })
  return {
    baseFee: BigInt(answer.base_fee),
    gasPrice: BigInt(answer.gas_price),
    rate: BigInt(answer.rate),
    gasOverhead: answer.gas_overhead,
    gasPerByte: answer.gas_per_byte,
    maxGasLimit: answer.max_gas_limit,
  }
}
