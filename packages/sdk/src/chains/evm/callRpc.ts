import { BaseError as FerryBaseError } from '@ferry/protocol'
import {
  ContractFunctionRevertedError,
  ExecutionRevertedError,
  RawContractError,
  BaseError as ViemBaseError,
} from 'viem'
import { abortable } from '../abortable.js'
import { EndpointReadRevertedError, RpcError } from '../errors.js'
import type { EvmReadContext } from './context.js'

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

/**
 * Whether `error` is the node saying the call reverts (as opposed to failing to answer).
 *
 * @example
 * if (isRevert(error)) // the call itself is refused
 */
export function isRevert(error: Error): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (
      e instanceof ContractFunctionRevertedError ||
      e instanceof ExecutionRevertedError ||
      e instanceof RawContractError
    )
      return true
    // JSON-RPC code 3: "execution reverted" with revert data (geth, EDR).
    if (e instanceof ViemBaseError && 'code' in e && e.code === 3) return true
  }
  return false
}

/**
 * Wraps `error` in an {@link RpcError} unless it already is a Ferry error.
 *
 * @example
 * throw toRpcError(ctx, 'eth_sendRawTransaction', error)
 */
export function toRpcError(
  ctx: Pick<EvmReadContext, 'domain'>,
  method: string,
  error: unknown,
): Error {
  if (error instanceof FerryBaseError) return error
  const cause = error instanceof Error ? error : new Error(String(error))
  return new RpcError({ method, domain: ctx.domain, cause })
}
