import { feesVectors } from '@ferry/spec'
import { describe, expect, it } from 'vitest'
import { getL1DataFee } from './getL1DataFee.js'

describe('getL1DataFee (PROTOCOL §9)', () => {
  it.each(feesVectors.l1DataFee)('$name', ({ config, bodyLength, l1DataFee }) => {
    const fee = getL1DataFee(
      {
        ...config,
        l1BaseFee: BigInt(config.l1BaseFee),
        blobBaseFee: BigInt(config.blobBaseFee),
      },
      bodyLength,
    )
    expect(fee).toBe(BigInt(l1DataFee))
  })

  it('grows by the slope per body byte above the floor, and is flat on it', () => {
    const config = {
      l1BaseFee: 10n ** 9n,
      blobBaseFee: 0n,
      baseFeeScalar: 1_000_000,
      blobBaseFeeScalar: 0,
      overheadBytes: 0,
    }
    // feeScaled = 16e15; one more byte adds 836,500 × 16e15 / 1e12 above the floor.
    expect(getL1DataFee(config, 1_001) - getL1DataFee(config, 1_000)).toBe(13_384_000_000n)
    expect(getL1DataFee(config, 10)).toBe(getL1DataFee(config, 100))
  })
})
