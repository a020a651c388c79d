import { BaseError as FerryBaseError } from '@ferry/protocol'
import { RpcError } from '../errors.js'
import type { EvmReadContext } from './context.js'

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
