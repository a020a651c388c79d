import { describe, expect, test } from 'vitest'
import { UnsafeSwapTimelocksError } from '../errors/UnsafeSwapTimelocksError.js'
import { checkSwapTimelocks, DEFAULT_SWAP_TIMELOCK_MARGIN } from './checkSwapTimelocks.js'

const T = 1_800_000_000n
const finality = { initiatorChainFinality: 900, participantChainFinality: 6 }

describe('checkSwapTimelocks', () => {
  test('accepts a gap of exactly both finalities plus the default margin', () => {
    const required = BigInt(900 + 6 + DEFAULT_SWAP_TIMELOCK_MARGIN)
    expect(
      checkSwapTimelocks({ initiatorTimelock: T + required, participantTimelock: T, ...finality }),
    ).toEqual({ gap: required, required })
  })

  test('refuses a gap one second short, naming both timelocks and the shortfall', () => {
    const required = BigInt(900 + 6 + 60)
    const check = () =>
      checkSwapTimelocks({
        initiatorTimelock: T + required - 1n,
        participantTimelock: T,
        ...finality,
        margin: 60,
      })
    expect(check).toThrow(UnsafeSwapTimelocksError)
    try {
      check()
    } catch (error) {
      expect(error).toMatchObject({
        code: 'unsafe_swap_timelocks',
        initiatorTimelock: T + required - 1n,
        participantTimelock: T,
        gap: required - 1n,
        required,
        retryable: false,
      })
    }
  })

  test('refuses timelocks in the wrong order (the participant’s outlasting the initiator’s)', () => {
    expect(() =>
      checkSwapTimelocks({ initiatorTimelock: T, participantTimelock: T + 3_600n, ...finality }),
    ).toThrow(/by -3600s/)
  })

  test('refuses a finality or margin that is not whole seconds', () => {
    expect(() =>
      checkSwapTimelocks({
        initiatorTimelock: T,
        participantTimelock: T,
        ...finality,
        initiatorChainFinality: -1,
      }),
    ).toThrow(/initiatorChainFinality/)
    expect(() =>
      checkSwapTimelocks({
        initiatorTimelock: T,
        participantTimelock: T,
        ...finality,
        margin: 1.5,
      }),
    ).toThrow(/margin/)
  })
})
