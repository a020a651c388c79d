import { describe, expect, test } from 'vitest'
import { EndpointRevertedError } from '../errors/EndpointRevertedError.js'
import { TokenBridgePausedError } from '../errors/TokenBridgePausedError.js'
import { TransferAmountTooSmallError } from '../errors/TransferAmountTooSmallError.js'
import { TransferBalanceTooLowError } from '../errors/TransferBalanceTooLowError.js'
import { TransferCollateralExceededError } from '../errors/TransferCollateralExceededError.js'
import { TransferRateLimitedError } from '../errors/TransferRateLimitedError.js'
import { toTokenTransferError } from './toTokenTransferError.js'

// The CosmWasm bridge reports the EVM bridge's errors in snake case with decimal-string fields
// (its header, TOKEN §9); the EVM mapping is exercised against real bridges in transferToken.test.ts.

const context = { chain: 'wasm', bridge: 'wasm1bridge', token: undefined, amount: 7n }
const reverted = (errorName: string, args: Record<string, unknown> = {}) =>
  new EndpointRevertedError({ chain: 'wasm', reason: undefined, errorName, args })

describe('CosmWasm bridge errors map to the SDK’s', () => {
  test.each([
    ['token_bridge_paused', {}, TokenBridgePausedError, {}],
    ['token_bridge_zero_amount', { amount: '7' }, TransferAmountTooSmallError, { amount: 7n }],
    [
      'token_bridge_rate_limited',
      { domain: 31337, outbound: true, amount: '9', available: '4' },
      TransferRateLimitedError,
      { amount: 9n, available: 4n, recovery: { action: 'lowerAmount', amount: 4n } },
    ],
    [
      'token_bridge_insufficient_collateral',
      { domain: 31337, amount: '9', collateral: '3' },
      TransferCollateralExceededError,
      { amount: 9n, collateral: 3n },
    ],
    [
      'token_bridge_insufficient_balance',
      { address: 'wasm1me', balance: '2', amount: '9' },
      TransferBalanceTooLowError,
      { balance: 2n, needed: 9n },
    ],
  ])('%s', (code, args, ErrorClass, fields) => {
    const mapped = toTokenTransferError(reverted(code, args), context)
    expect(mapped).toBeInstanceOf(ErrorClass)
    expect(mapped).toMatchObject({ chain: 'wasm', ...fields })
    expect((mapped as Error).cause).toBeInstanceOf(EndpointRevertedError)
  })

  test('a rate limit with nothing available hints no smaller amount', () => {
    const mapped = toTokenTransferError(
      reverted('token_bridge_rate_limited', { amount: '9', available: '0' }),
      context,
    )
    expect((mapped as TransferRateLimitedError).recovery).toBeUndefined()
  })

  test('other errors pass through unchanged', () => {
    const other = reverted('token_bridge_unknown_route', { domain: 5 })
    expect(toTokenTransferError(other, context)).toBe(other)
    const plain = new Error('rpc down')
    expect(toTokenTransferError(plain, context)).toBe(plain)
  })
})
