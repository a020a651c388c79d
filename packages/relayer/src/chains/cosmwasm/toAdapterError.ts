import { EndpointError } from '@ferry/cosmwasm-bindings'
import { unwrapRpcError } from '@ferry/sdk/internal'
import type { EndpointCall } from '../types.js'
import { CallRejectedError } from './errors.js'

/**
 * The error a CosmWasm adapter method throws for what the typed client threw: an `RpcError`
 * found anywhere in the cause chain (the client wraps every executor error in an
 * `EndpointError`, so it is dug out), else for the submitted `call` a `CallRejectedError` around
 * the endpoint's error, else the error as it is (a query's `EndpointError`, an abort).
 *
 * @example
 * try { await deliverBatch(executor, parameters) } catch (error) { throw toAdapterError(error, { call: 'deliverBatch', domain }) }
 */
export function toAdapterError(
  error: unknown,
  submitted: { call: EndpointCall['type']; domain: number },
): unknown {
  const unwrapped = unwrapRpcError(error)
  if (unwrapped !== error) return unwrapped
  if (error instanceof EndpointError) return new CallRejectedError({ ...submitted, cause: error })
  return error
}
