import type { InvalidHexError } from '@ferry/sdk'
import type { MissingSenderError } from '../../errors/client.js'
import type { EndpointError } from '../../errors/endpointError.js'
import { toBase64 } from '../../internal/bytes.js'
import { executeEndpoint } from '../../internal/executeEndpoint.js'
import type { BytesInput } from '../../types.js'
import type {
  CosmWasmExecutor,
  EndpointExecuteParameters,
  EndpointExecuteReturnType,
} from '../types.js'

export type RetryParameters = EndpointExecuteParameters & {
  message: BytesInput
}
export type RetryReturnType = EndpointExecuteReturnType
export type RetryErrorType = EndpointError | MissingSenderError | InvalidHexError

/**
 * Runs a Failed message’s handler again, while its deadline has not passed; anyone may call.
 *
 * @example
 * ```ts
 * await retry(executor, { contract: endpoint, message })
 * ```
 */
export async function retry(
  executor: CosmWasmExecutor,
  parameters: RetryParameters,
): Promise<RetryReturnType> {
  return executeEndpoint(executor, parameters, {
    retry: { message: toBase64(parameters.message, 'message') },
  })
}
