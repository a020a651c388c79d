import { evmFailureReason } from '@ferry/evm-contracts'
import { ContractFunctionRevertedError } from 'viem'
import { unwrapRpcError } from '../../chains/unwrapRpcError.js'
import { EndpointRevertedError } from '../../errors/EndpointRevertedError.js'

/**
 * `error` as an `EndpointRevertedError` when it is an EVM endpoint refusing the call: a viem
 * revert whose data decodes to one of the endpoint's custom errors. An `RpcError` in its cause
 * chain is returned as itself; anything else (a user rejecting the signature, a revert without
 * data) unchanged. The CosmWasm half is `toCosmWasmEndpointRevertedError`, kept apart so that
 * an EVM write loads none of the CosmWasm bindings.
 *
 * @example
 * catch (error) { throw toEvmEndpointRevertedError(chain.name, error) }
 */
export function toEvmEndpointRevertedError(chain: string, error: unknown): unknown {
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
