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

export type RemoveFeeConfigParameters = EndpointExecuteParameters & {
  domain: number
}
export type RemoveFeeConfigReturnType = EndpointExecuteReturnType
export type RemoveFeeConfigErrorType = EndpointError | MissingSenderError | FieldOutOfRangeError

/**
 * Removes a destination’s fee parameters, so sends to it fail (fee manager only).
 *
 * @example
 * ```ts
 * await removeFeeConfig(executor, { contract: endpoint, domain: 1 })
 * ```
 */
export async function removeFeeConfig(
  executor: CosmWasmExecutor,
  parameters: RemoveFeeConfigParameters,
): Promise<RemoveFeeConfigReturnType> {
  return executeEndpoint(executor, parameters, {
    remove_fee_config: { domain: toUint(parameters.domain, MAX_U32, 'domain') },
  })
}
