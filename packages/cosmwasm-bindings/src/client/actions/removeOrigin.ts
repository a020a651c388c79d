import type { FieldOutOfRangeError } from '@ferry/protocol'
import type { MissingSenderError } from '../../errors/client.js'
import type { EndpointError } from '../../errors/endpointError.js'
import { MAX_U32, toUint } from '../../internal/bytes.js'
import { executeEndpoint } from '../../internal/executeEndpoint.js'
import type {
  CosmWasmExecutor,
  EndpointExecuteParameters,
  EndpointExecuteReturnType,
} from '../types.js'

export type RemoveOriginParameters = EndpointExecuteParameters & {
  origin: number
}
export type RemoveOriginReturnType = EndpointExecuteReturnType
export type RemoveOriginErrorType = EndpointError | MissingSenderError | FieldOutOfRangeError

/**
 * Removes an origin’s validator set, so its messages are no longer accepted (owner only).
 *
 * @example
 * ```ts
 * await removeOrigin(executor, { contract: endpoint, origin: 1 })
 * ```
 */
export async function removeOrigin(
  executor: CosmWasmExecutor,
  parameters: RemoveOriginParameters,
): Promise<RemoveOriginReturnType> {
  return executeEndpoint(executor, parameters, {
    remove_origin: { origin: toUint(parameters.origin, MAX_U32, 'origin') },
  })
}
