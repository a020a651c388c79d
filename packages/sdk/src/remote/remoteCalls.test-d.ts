import { parseAbi } from 'viem'
import { expectTypeOf, test } from 'vitest'
import { decodeEvmResults } from './decodeEvmResults.js'
import { encodeEvmCalls } from './encodeEvmCalls.js'

const counterAbi = parseAbi([
  'function increment(uint256 by) returns (uint256)',
  'function count() view returns (uint256)',
  'function owner() view returns (address)',
  'function limits() view returns (uint64 low, bool open)',
])
const address = '0x5FbDB2315678afecb367f032d93F642f64180aa3'

test('results are typed from each call’s ABI, in order', () => {
  const results = decodeEvmResults(
    [
      { address, abi: counterAbi, functionName: 'increment', args: [5n] },
      { address, abi: counterAbi, functionName: 'owner' },
      { address, abi: counterAbi, functionName: 'limits' },
    ],
    '0x',
  )
  expectTypeOf(results).toEqualTypeOf<[bigint, `0x${string}`, readonly [bigint, boolean]]>()
})

test('a wrong function name or wrong arguments do not compile', () => {
  encodeEvmCalls([{ address, abi: counterAbi, functionName: 'increment', args: [1n], value: 1n }])
  // @ts-expect-error: the ABI has no `decrement`
  encodeEvmCalls([{ address, abi: counterAbi, functionName: 'decrement' }])
  // @ts-expect-error: `increment` takes a uint256 (bigint), not a string
  encodeEvmCalls([{ address, abi: counterAbi, functionName: 'increment', args: ['5'] }])
  // @ts-expect-error: `value` is native wei, a bigint
  encodeEvmCalls([{ address, abi: counterAbi, functionName: 'count', value: 1 }])
})
