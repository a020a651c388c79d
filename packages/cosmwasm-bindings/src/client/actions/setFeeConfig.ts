import type { FieldOutOfRangeError } from '@ferry/protocol'
import type { MissingSenderError } from '../../errors/client.js'
import type { EndpointError } from '../../errors/endpointError.js'
import { MAX_U32, MAX_U128, toDecimal, toUint } from '../../internal/bytes.js'
import { executeEndpoint } from '../../internal/executeEndpoint.js'
import type { FeeConfig } from '../../types.js'
import type {
  CosmWasmExecutor,
  EndpointExecuteParameters,
  EndpointExecuteReturnType,
} from '../types.js'

export type SetFeeConfigParameters = EndpointExecuteParameters & {
  /** Destination domain the fees are for. */
  domain: number
  config: FeeConfig
}
export type SetFeeConfigReturnType = EndpointExecuteReturnType
export type SetFeeConfigErrorType = EndpointError | MissingSenderError | FieldOutOfRangeError

/**
 * Sets the fee parameters of a destination domain (PROTOCOL §9; fee manager only), with the
 * largest gas limit a message to it may ask for (§4; `ZeroMaxGasLimitError` when 0).
 *
 * @example
 * ```ts
 * await setFeeConfig(executor, {
 *   contract: endpoint,
 *   domain: 1,
 *   config: {
 *     baseFee: 1000n,
 *     gasPrice: 1n,
 *     rate: 10n ** 18n,
 *     gasOverhead: 50_000,
 *     gasPerByte: 16,
 *     maxGasLimit: 10_000_000,
 *   },
 * })
 * ```
 */
export async function setFeeConfig(
  executor: CosmWasmExecutor,
  parameters: SetFeeConfigParameters,
): Promise<SetFeeConfigReturnType> {
  return executeEndpoint(executor, parameters, {
    set_fee_config: {
      domain: toUint(parameters.domain, MAX_U32, 'domain'),
      config: {
        base_fee: toDecimal(parameters.config.baseFee, MAX_U128, 'config.baseFee'),
        gas_price: toDecimal(parameters.config.gasPrice, MAX_U128, 'config.gasPrice'),
        rate: toDecimal(parameters.config.rate, MAX_U128, 'config.rate'),
        gas_overhead: toUint(parameters.config.gasOverhead, MAX_U32, 'config.gasOverhead'),
        gas_per_byte: toUint(parameters.config.gasPerByte, MAX_U32, 'config.gasPerByte'),
        max_gas_limit: toUint(parameters.config.maxGasLimit, MAX_U32, 'config.maxGasLimit'),
      },
    },
  })
}
