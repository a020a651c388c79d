import {
  decodeEvmRemoteCalls,
  encodeRemoteResults,
  InvalidRemoteResultsError,
} from '@ferry/protocol'
import { encodeAbiParameters, encodeFunctionData, pad, parseAbi } from 'viem'
import { expect, test } from 'vitest'
import { RemoteResultCountError } from '../errors/RemoteResultCountError.js'
import { decodeEvmResults } from './decodeEvmResults.js'
import { encodeEvmCalls } from './encodeEvmCalls.js'

const counterAbi = parseAbi([
  'function increment(uint256 by) returns (uint256)',
  'function limits() view returns (uint64 low, bool open)',
])
const address = '0x5FbDB2315678afecb367f032d93F642f64180aa3'
const calls = [
  { address, abi: counterAbi, functionName: 'increment', args: [5n], value: 3n },
  { address, abi: counterAbi, functionName: 'limits' },
] as const

test('typed calls encode to the router’s Call list: 32-byte target, value, calldata', () => {
  expect(decodeEvmRemoteCalls(encodeEvmCallsPayload())).toEqual([
    {
      target: pad(address.toLowerCase() as `0x${string}`),
      value: 3n,
      data: encodeFunctionData({ abi: counterAbi, functionName: 'increment', args: [5n] }),
    },
    {
      target: pad(address.toLowerCase() as `0x${string}`),
      value: 0n,
      data: encodeFunctionData({ abi: counterAbi, functionName: 'limits' }),
    },
  ])
})

test('each result decodes with its call’s ABI', () => {
  const result = encodeRemoteResults([
    encodeAbiParameters([{ type: 'uint256' }], [42n]),
    encodeAbiParameters([{ type: 'uint64' }, { type: 'bool' }], [7n, true]),
  ])
  expect(decodeEvmResults(calls, result)).toEqual([42n, [7n, true]])
})

test('a result of another batch or a cut result is refused by name', () => {
  const one = encodeRemoteResults([encodeAbiParameters([{ type: 'uint256' }], [1n])])
  expect(() => decodeEvmResults(calls, one)).toThrow(RemoteResultCountError)
  expect(() => decodeEvmResults(calls, '0x1234')).toThrow(InvalidRemoteResultsError)
})

function encodeEvmCallsPayload() {
  return encodeAbiParameters(
    [
      {
        type: 'tuple[]',
        components: [{ type: 'bytes32' }, { type: 'uint256' }, { type: 'bytes' }],
      },
    ],
    [encodeEvmCalls(calls).map(({ target, value, data }) => [target, value, data] as const)],
  )
}
