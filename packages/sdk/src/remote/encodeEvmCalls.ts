import { type EvmRemoteCall, evmAddressToBytes32 } from '@ferry/protocol'
import { type Abi, encodeFunctionData } from 'viem'
import type { AnyEvmRemoteCall, EvmRemoteCalls } from './types.js'

/**
 * The router's `Call`s for typed calls: each call's calldata from its ABI, its target as 32
 * bytes, its value (0 unless given).
 *
 * @example
 * const calls = encodeEvmCalls([{ address: counter, abi: counterAbi, functionName: 'increment', args: [5n] }])
 */
export function encodeEvmCalls<const calls extends readonly unknown[]>(
  calls: EvmRemoteCalls<calls>,
): EvmRemoteCall[] {
  // CAST: EvmRemoteCalls is a list of AnyEvmRemoteCall narrowed per call.
  return (calls as readonly AnyEvmRemoteCall[]).map(
    ({ address, abi, functionName, args, value }) => ({
      target: evmAddressToBytes32(address),
      value: value ?? 0n,
      // CAST: the caller's types (EvmRemoteCalls) checked name and arguments against the ABI.
      data: encodeFunctionData({ abi: abi as Abi, functionName, args: args ?? [] }),
    }),
  )
}
