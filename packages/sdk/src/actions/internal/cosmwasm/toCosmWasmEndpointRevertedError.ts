import { cosmwasmFailureReason, EndpointError } from '@ferry/cosmwasm-bindings'
import { unwrapRpcError } from '../../../chains/unwrapRpcError.js'
import { EndpointRevertedError } from '../../../errors/EndpointRevertedError.js'

/**
 * `error` as an `EndpointRevertedError` when it is a CosmWasm endpoint refusing the call: a
 * contract error with a code (the bindings' `EndpointError`). An unreachable node, which the
 * bindings wrap, is returned as its `RpcError`; anything else unchanged. The EVM half is
 * `toEvmEndpointRevertedError`.
 *
 * @example
 * catch (error) { throw toCosmWasmEndpointRevertedError(chain.name, error) }
 */
export function toCosmWasmEndpointRevertedError(chain: string, error: unknown): unknown {
  if (error instanceof EndpointError && error.code !== undefined)
    return new EndpointRevertedError({
      chain,
      reason: cosmwasmFailureReason(error.code),
      errorName: error.code,
      args: error.fields,
      cause: error,
    })
  return unwrapRpcError(error)
}
