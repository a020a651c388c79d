import { parseGwei } from 'viem'
import { describe, expect, it } from 'vitest'
import type { EvmContext } from './context.js'
import { GasPriceAboveCapError } from './errors.js'
import { bumpFees, type EvmGasPolicy, feesFor, readFeeMarket } from './feeStrategy.js'

const policy: EvmGasPolicy = { maxFeePerGas: parseGwei('100'), bumpPercent: 12.5, stuckAfterMs: 1 }
const gwei = (value: string) => parseGwei(value)

describe('feesFor', () => {
  it('offers twice the base fee plus the priority fee', () => {
    expect(feesFor(1, { baseFeePerGas: gwei('10'), priorityFeePerGas: gwei('2') }, policy)).toEqual(
      {
        maxFeePerGas: gwei('22'),
        maxPriorityFeePerGas: gwei('2'),
      },
    )
  })

  it('caps the max fee, and throws when the cap does not cover base plus priority fee', () => {
    expect(feesFor(1, { baseFeePerGas: gwei('60'), priorityFeePerGas: gwei('2') }, policy)).toEqual(
      {
        maxFeePerGas: gwei('100'),
        maxPriorityFeePerGas: gwei('2'),
      },
    )
    const error = (() => {
      try {
        feesFor(7, { baseFeePerGas: gwei('99'), priorityFeePerGas: gwei('2') }, policy)
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(GasPriceAboveCapError)
    expect(error).toMatchObject({ required: gwei('101'), cap: gwei('100'), retryable: true })
  })
})

describe('bumpFees', () => {
  const sent = { maxFeePerGas: gwei('10'), maxPriorityFeePerGas: 3n }

  it('raises both fees by the bump percent, rounding up', () => {
    expect(bumpFees(sent, { baseFeePerGas: 1n, priorityFeePerGas: 0n }, policy)).toEqual({
      maxFeePerGas: gwei('11.25'),
      maxPriorityFeePerGas: 4n, // 3 × 1.125 = 3.375, up to 4
    })
  })

  it('follows the market when it asks for more than the bump', () => {
    const market = { baseFeePerGas: gwei('20'), priorityFeePerGas: gwei('1') }
    expect(bumpFees(sent, market, policy)).toEqual({
      maxFeePerGas: gwei('41'),
      maxPriorityFeePerGas: gwei('1'),
    })
  })

  it('caps the max fee, and gives up when the cap leaves no room for an accepted bump', () => {
    const market = { baseFeePerGas: gwei('80'), priorityFeePerGas: gwei('1') }
    expect(bumpFees(sent, market, policy)?.maxFeePerGas).toBe(gwei('100'))
    expect(bumpFees({ maxFeePerGas: gwei('95'), maxPriorityFeePerGas: 1n }, market, policy)).toBe(
      undefined,
    )
  })
})

describe('readFeeMarket', () => {
  // A context whose client answers a fixed base fee and suggested tip: all readFeeMarket reads.
  const contextWith = (gas: Partial<EvmGasPolicy>, suggested: bigint) =>
    ({
      domain: 1,
      gas: { maxFeePerGas: 10n ** 12n, bumpPercent: 15, stuckAfterMs: 1_000, ...gas },
      logger: { debug() {}, info() {}, warn() {}, error() {} },
      client: {
        getBlock: async () => ({ baseFeePerGas: 7n }),
        request: async () => `0x${suggested.toString(16)}`,
      },
    }) as unknown as EvmContext // CAST: readFeeMarket uses only these fields

  it('holds the suggested tip between the policy floor and cap', async () => {
    expect(await readFeeMarket(contextWith({}, 5n))).toEqual({
      baseFeePerGas: 7n,
      priorityFeePerGas: 5n,
    })
    expect(await readFeeMarket(contextWith({ minPriorityFeePerGas: 9n }, 5n))).toEqual({
      baseFeePerGas: 7n,
      priorityFeePerGas: 9n,
    })
    expect(await readFeeMarket(contextWith({ maxPriorityFeePerGas: 3n }, 5n))).toEqual({
      baseFeePerGas: 7n,
      priorityFeePerGas: 3n,
    })
  })
})
