import type { FieldOutOfRangeError, InvalidHexError } from '@ferry/protocol'
import type { MissingSenderError } from '../../errors/client.js'
import type { EndpointError } from '../../errors/endpointError.js'
import { MAX_U32, toBase64, toUint } from '../../internal/bytes.js'
import { executeEndpoint } from '../../internal/executeEndpoint.js'
import type { BytesInput } from '../../types.js'
import type {
  CosmWasmExecutor,
  EndpointExecuteParameters,
  EndpointExecuteReturnType,
} from '../types.js'

export type RetryParameters = EndpointExecuteParameters & {
  message: BytesInput
  /**
   * Gas the handler is given: at least the message's own `gasLimit`
   * (`RetryGasLimitTooLowError` otherwise); more recovers a handler that ran out of gas.
   */
  gasLimit: number
}
export type RetryReturnType = EndpointExecuteReturnType
export type RetryErrorType =
  | EndpointError
  | MissingSenderError
  | InvalidHexError
  | FieldOutOfRangeError

/**
 * Runs a Failed message’s handler again with `gasLimit` gas, while its deadline has not passed
 * (PROTOCOL §7); anyone may call, and pays for the gas.
 *
 * @example
 * ```ts
 * import { decodeMessage } from '@ferry/protocol'
 *
 * // Twice the message's own gas limit, for a handler that ran out of gas.
 * await retry(executor, { contract: endpoint, message, gasLimit: 2 * decodeMessage(message).gasLimit })
 * ```
 */
export async function retry(
  executor: CosmWasmExecutor,
  parameters: RetryParameters,
): Promise<RetryReturnType> {
  return executeEndpoint(executor, parameters, {
    retry: {
      message: toBase64(parameters.message, 'message'),
      gas_limit: toUint(parameters.gasLimit, MAX_U32, 'gasLimit'),
    },
  })
}
