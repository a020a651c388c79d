import type { FieldOutOfRangeError, InvalidBytes32Error, InvalidHexError } from '@ferry/protocol'
import type { MissingSenderError } from '../../errors/client.js'
import type { EndpointError } from '../../errors/endpointError.js'
import { MAX_U8, MAX_U32, toBytes32, toEvmAddress, toUint } from '../../internal/bytes.js'
import { executeEndpoint } from '../../internal/executeEndpoint.js'
import type { Hex } from '../../types.js'
import type {
  CosmWasmExecutor,
  EndpointExecuteParameters,
  EndpointExecuteReturnType,
} from '../types.js'

export type SetOriginParameters = EndpointExecuteParameters & {
  origin: number
  /** The origin endpoint’s address as bytes32. */
  originEndpoint: Hex
  /** Ethereum addresses of the validators, strictly ascending. */
  validators: readonly Hex[]
  threshold: number
}
export type SetOriginReturnType = EndpointExecuteReturnType
export type SetOriginErrorType =
  | EndpointError
  | MissingSenderError
  | FieldOutOfRangeError
  | InvalidBytes32Error
  | InvalidHexError

/**
 * Sets the validator set and threshold of an origin domain (owner only).
 *
 * @example
 * ```ts
 * await setOrigin(executor, {
 *   contract: endpoint,
 *   origin: 1,
 *   originEndpoint: evmAddressToBytes32(evmEndpoint),
 *   validators: [validatorA, validatorB],
 *   threshold: 2,
 * })
 * ```
 */
export async function setOrigin(
  executor: CosmWasmExecutor,
  parameters: SetOriginParameters,
): Promise<SetOriginReturnType> {
  return executeEndpoint(executor, parameters, {
    set_origin: {
      origin: toUint(parameters.origin, MAX_U32, 'origin'),
      origin_endpoint: toBytes32(parameters.originEndpoint, 'originEndpoint'),
      validators: parameters.validators.map((validator, i) =>
        toEvmAddress(validator, `validators[${i}]`),
      ),
      threshold: toUint(parameters.threshold, MAX_U8, 'threshold'),
    },
  })
}
