import { RpcError } from './errors.js'

/**
 * The `RpcError` anywhere in `error`'s cause chain, else `error` as it is. The bindings' typed
 * client wraps every executor error in an `EndpointError`, so an unreachable node is dug out
 * here and thrown as itself, while a query the chain answered no to (an `EndpointError`) or an
 * abort goes on unchanged.
 *
 * @example
 * try { await merkleCount(source.reader(), { contract }) } catch (error) { throw unwrapRpcError(error) }
 */
export function unwrapRpcError(error: unknown): unknown {
  for (let current: unknown = error; current instanceof Error; current = current.cause)
    if (current instanceof RpcError) return current
  return error
}
