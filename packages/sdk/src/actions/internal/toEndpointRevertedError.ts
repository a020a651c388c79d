import { cosmwasmFailureReason, EndpointError } from '@ferry/cosmwasm-bindings'
import { evmFailureReason } from '@ferry/evm-contracts'
import { ContractFunctionRevertedError } from 'viem'
import { unwrapRpcError } from '../../chains/unwrapRpcError.js'
import { EndpointRevertedError } from '../../errors/EndpointRevertedError.js'

/**
 * `error` as an `EndpointRevertedError` when it is the endpoint refusing the call: a viem revert
 * whose data decodes to one of the endpoint's custom errors, or a CosmWasm contract error with a
 * code (the bindings' `EndpointError`). An unreachable CosmWasm node, which the bindings wrap, is
 * returned as its `RpcError`; anything else (a user rejecting the signature, a revert without
 * data) unchanged.
 *
 * @example
 * catch (error) { throw toEndpointRevertedError(chain.name, error) }
 */
export function toEndpointRevertedError(chain: string, error: unknown): unknown {
  if (error instanceof EndpointError && error.code !== undefined)
    return new EndpointRevertedError({
      chain,
      reason: cosmwasmFailureReason(error.code),
      errorName: error.code,
      args: error.fields,
      cause: error,
    })
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (!(e instanceof ContractFunctionRevertedError) || e.data === undefined) continue
    const { errorName, args = [], abiItem } = e.data
    const names = 'inputs' in abiItem ? abiItem.inputs.map((input, i) => input.name || `${i}`) : []
    return new EndpointRevertedError({
      chain,
      reason: evmFailureReason(errorName),
      errorName,
      args: Object.fromEntries(args.map((value, i) => [names[i] ?? `${i}`, value])),
      cause: e,
    })
  }
  return unwrapRpcError(error)
}
