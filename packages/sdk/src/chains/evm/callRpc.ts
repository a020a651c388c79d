import { BaseError as FerryBaseError } from '@ferry/protocol'
import { abortable } from '../abortable.js'
import { EndpointReadRevertedError } from '../errors.js'
import type { EvmReadContext } from './context.js'
import { isRevert } from './isRevert.js'
import { toRpcError } from './toRpcError.js'

/**
 * Runs one viem action, waiting no longer than `signal` allows, and names what went wrong: a
 * revert becomes {@link EndpointReadRevertedError}, anything else that is not already a Ferry
 * error becomes {@link RpcError} (retryable) naming `method`. An abort rethrows the signal's
 * reason unchanged.
 *
 * @example
 * const block = await callRpc(ctx, 'eth_getBlockByNumber', () => ctx.client.getBlock(), signal)
 */
export async function callRpc<T>(
  ctx: Pick<EvmReadContext, 'domain'>,
  method: string,
  run: () => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  signal?.throwIfAborted()
  try {
    return await abortable(run(), signal)
  } catch (error) {
    if (signal?.aborted || error instanceof FerryBaseError || !(error instanceof Error)) throw error
    if (isRevert(error))
      throw new EndpointReadRevertedError({
        functionName: method,
        domain: ctx.domain,
        cause: error,
      })
    throw toRpcError(ctx, method, error)
  }
}
