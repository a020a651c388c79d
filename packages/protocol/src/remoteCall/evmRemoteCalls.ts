import { decodeAbiParameters, encodeAbiParameters, type Hex } from 'viem'
import type { InvalidBytes32Error } from '../errors/encoding.js'
import { toBytes32 } from '../internal/bytes.js'
import type { EvmRemoteCall } from './types.js'

/** `(bytes32 target, uint256 value, bytes data)[]`, the EVM payload's ABI type. */
const callsType = [
  {
    type: 'tuple[]',
    components: [
      { name: 'target', type: 'bytes32' },
      { name: 'value', type: 'uint256' },
      { name: 'data', type: 'bytes' },
    ],
  },
] as const

export type EncodeEvmRemoteCallsErrorType = InvalidBytes32Error

/**
 * The payload of a remote call to an EVM chain: `abi.encode(Call[])` with
 * `Call { bytes32 target; uint256 value; bytes data; }` (spec/apps/interchain-accounts.md).
 *
 * @example
 * ```ts
 * const payload = encodeEvmRemoteCalls([{ target: evmAddressToBytes32(counter), value: 0n, data: '0xd09de08a' }])
 * ```
 */
export function encodeEvmRemoteCalls(calls: readonly EvmRemoteCall[]): Hex {
  return encodeAbiParameters(callsType, [
    calls.map(({ target, value, data }, i) => ({
      target: toBytes32(target, `calls[${i}].target`),
      value,
      data,
    })),
  ])
}

/**
 * The calls of an EVM remote-call payload (`encodeEvmRemoteCalls`'s inverse); throws viem's
 * ABI decoding error on a payload that is not `Call[]`.
 *
 * @example
 * ```ts
 * const calls = decodeEvmRemoteCalls(decodeRemoteCallBody(body).payload)
 * ```
 */
export function decodeEvmRemoteCalls(payload: Hex): EvmRemoteCall[] {
  const [calls] = decodeAbiParameters(callsType, payload)
  return calls.map(({ target, value, data }) => ({ target, value, data }))
}
