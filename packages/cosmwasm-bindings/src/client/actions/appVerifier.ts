import type { FieldOutOfRangeError } from '@ferry/protocol'
import type { EndpointError } from '../../errors/endpointError.js'
import { MAX_U32, toUint } from '../../internal/bytes.js'
import { queryEndpoint } from '../../internal/executeEndpoint.js'
import type { CosmWasmExecutor, EndpointQueryParameters } from '../types.js'

export type AppVerifierParameters = EndpointQueryParameters & {
  /** The app (recipient contract). */
  app: string
  origin: number
}
export type AppVerifierReturnType = string | null
export type AppVerifierErrorType = EndpointError | FieldOutOfRangeError

type Answer = { verifier: string | null }

/**
 * The verifier an app set for its inbound messages from an origin, or null (the multisig).
 *
 * @example
 * ```ts
 * await appVerifier(executor, { contract: endpoint, app, origin: 1 } // null)
 * ```
 */
export async function appVerifier(
  executor: CosmWasmExecutor,
  parameters: AppVerifierParameters,
): Promise<AppVerifierReturnType> {
  const answer = await queryEndpoint<Answer>(executor, parameters.contract, {
    app_verifier: { app: parameters.app, origin: toUint(parameters.origin, MAX_U32, 'origin') },
  })
  return answer.verifier
}
