import type { FieldOutOfRangeError } from '@ferry/protocol'
import type { MissingSenderError } from '../../errors/client.js'
import type { EndpointError } from '../../errors/endpointError.js'
import { MAX_U8, MAX_U32, toUint } from '../../internal/bytes.js'
import { executeEndpoint } from '../../internal/executeEndpoint.js'
import type {
  CosmWasmExecutor,
  EndpointExecuteParameters,
  EndpointExecuteReturnType,
} from '../types.js'

export type SetThresholdParameters = EndpointExecuteParameters & {
  origin: number
  threshold: number
}
export type SetThresholdReturnType = EndpointExecuteReturnType
export type SetThresholdErrorType = EndpointError | MissingSenderError | FieldOutOfRangeError

/**
 * Changes the threshold of an origin’s validator set (owner only).
 *
 * @example
 * ```ts
 * await setThreshold(executor, { contract: endpoint, origin: 1, threshold: 3 })
 * ```
 */
export async function setThreshold(
  executor: CosmWasmExecutor,
  parameters: SetThresholdParameters,
): Promise<SetThresholdReturnType> {
  return executeEndpoint(executor, parameters, {
    set_threshold: {
      origin: toUint(parameters.origin, MAX_U32, 'origin'),
      threshold: toUint(parameters.threshold, MAX_U8, 'threshold'),
    },
  })
}
