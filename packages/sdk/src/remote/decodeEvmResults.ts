import { decodeRemoteResults } from '@ferry/protocol'
import { type Abi, decodeFunctionResult, type Hex } from 'viem'
import { RemoteResultCountError } from '../errors/RemoteResultCountError.js'
import type { AnyEvmRemoteCall, EvmRemoteCalls, EvmRemoteResults } from './types.js'

/**
 * Each call's return value, decoded with its ABI from a remote call's result
 * (`abi.encode(bytes[])`, one element per call). Throws `InvalidRemoteResultsError` when the
 * result is not that (cut at 1,024 bytes), `RemoteResultCountError` when it has another number
 * of elements than there are calls (results of another batch), viem's decoding error when an element does not match
 * its function's outputs.
 *
 * @example
 * const [count] = decodeEvmResults([{ address: counter, abi: counterAbi, functionName: 'count' }], state.result)
 */
export function decodeEvmResults<const calls extends readonly unknown[]>(
  calls: EvmRemoteCalls<calls>,
  result: Hex,
): EvmRemoteResults<calls> {
  const results = decodeRemoteResults(result)
  if (results.length !== calls.length)
    throw new RemoteResultCountError({ calls: calls.length, results: results.length })
  // CAST: each element decodes to its call's return type, which EvmRemoteResults names in order.
  return (calls as readonly AnyEvmRemoteCall[]).map(({ abi, functionName, args }, i) =>
    decodeFunctionResult({
      // CAST: as in encodeEvmCalls, the ABI and name were checked by the caller's types.
      abi: abi as Abi,
      functionName,
      args: args ?? [],
      data: results[i] ?? '0x',
    }),
  ) as EvmRemoteResults<calls>
}
