import type { ChainReader } from '@ferry/sdk'
import { classifyError } from '../core/relayer/classifyError.js'

/**
 * `adapter`, with each method that rejects for a chain-side reason (what the core's
 * `classifyError` calls `rpc_error`: not a refused or reverted call) reported to `onRpcError`
 * before the error goes on unchanged (an abort, e.g. at shutdown, is not a chain's failure).
 * Every other property passes through as it is.
 *
 * @example
 * ```ts
 * const chain = instrumentChain(adapter, (domain, method) => metrics.recordRpcError(domain, method))
 * ```
 */
export function instrumentChain<adapter extends ChainReader>(
  adapter: adapter,
  onRpcError: (domain: number, method: string, error: unknown) => void,
): adapter {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver)
      if (typeof value !== 'function' || typeof property !== 'string') return value
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args)
        if (!(result instanceof Promise)) return result
        return result.catch((error: unknown) => {
          // A chain that could not answer, or an error the adapter did not name (most often a
          // transport failure it let through): not a refused, reverted or priced-out call.
          const { reason } = classifyError(error)
          if ((reason === 'rpc_error' || reason === 'internal_error') && !isAbort(error))
            onRpcError(target.domain, property, error)
          throw error
        })
      }
    },
  })
}

function isAbort(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause)
    if (e.name === 'AbortError') return true
  return false
}
