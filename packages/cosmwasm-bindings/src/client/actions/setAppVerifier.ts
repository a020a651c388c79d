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

export type SetAppVerifierParameters = EndpointExecuteParameters & {
  /** Origin domain whose messages to this app the verifier checks. */
  origin: number
  /** A verifier contract answering `{"verify":…}`, or null for the endpoint’s multisig. */
  verifier: string | null
}
export type SetAppVerifierReturnType = EndpointExecuteReturnType
export type SetAppVerifierErrorType = EndpointError | MissingSenderError | FieldOutOfRangeError

/**
 * Sets (or, with null, clears) the verifier of the sending app’s inbound messages from an origin.
 * Executed as the app itself.
 *
 * @example
 * ```ts
 * await setAppVerifier(executor, { contract: endpoint, sender: app, origin: 1, verifier: optimisticVerifier })
 * ```
 */
export async function setAppVerifier(
  executor: CosmWasmExecutor,
  parameters: SetAppVerifierParameters,
): Promise<SetAppVerifierReturnType> {
  return executeEndpoint(executor, parameters, {
    set_app_verifier: {
      origin: toUint(parameters.origin, MAX_U32, 'origin'),
      verifier: parameters.verifier,
    },
  })
}
