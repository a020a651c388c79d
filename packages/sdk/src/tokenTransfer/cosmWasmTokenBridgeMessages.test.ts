import { describe, expect, test } from 'vitest'
import { UnexpectedAnswerError } from '../errors/UnexpectedAnswerError.js'
import {
  parseQuoteTransfer,
  quoteTransferQuery,
  transferFunds,
  transferRemoteMsg,
} from './cosmWasmTokenBridgeMessages.js'

// The CosmWasm bridge's messages as its header (TOKEN §9) gives them: amounts as decimal
// strings (u128 exceeds JSON numbers), the recipient as lower-case 0x bytes32.

const RECIPIENT = '0x00000000000000000000000070997970C51812dc3A010C7d01b50e0d17dc79C8'

test('quote_transfer and transfer_remote carry u128 amounts as decimal strings', () => {
  expect(quoteTransferQuery(31337, 2n ** 128n - 1n)).toEqual({
    quote_transfer: { destination: 31337, amount: '340282366920938463463374607431768211455' },
  })
  expect(transferRemoteMsg(31337, RECIPIENT, 3_000_000n)).toEqual({
    transfer_remote: {
      destination: 31337,
      recipient: RECIPIENT.toLowerCase(),
      amount: '3000000',
    },
  })
})

describe('transferFunds', () => {
  const fee = { denom: 'ufee', amount: 500n }

  test('a native-mode bridge takes `sent` of its denom beside the fee, sorted by denom', () => {
    expect(transferFunds({ lockedDenom: 'uwasm', sent: 3_000_000n, fee })).toEqual([
      { denom: 'ufee', amount: '500' },
      { denom: 'uwasm', amount: '3000000' },
    ])
  })

  test('the same denom for both is one coin, the sum', () => {
    expect(transferFunds({ lockedDenom: 'ufee', sent: 3_000_000n, fee })).toEqual([
      { denom: 'ufee', amount: '3000500' },
    ])
  })

  test('a synthetic bridge burns from its own balances: the fee alone, and no zero coin', () => {
    expect(transferFunds({ lockedDenom: null, sent: 3_000_000n, fee })).toEqual([
      { denom: 'ufee', amount: '500' },
    ])
    expect(
      transferFunds({ lockedDenom: null, sent: 1n, fee: { denom: 'ufee', amount: 0n } }),
    ).toEqual([])
  })
})

describe('parseQuoteTransfer', () => {
  const answer = {
    fee: { denom: 'ufee', amount: '500' },
    sent: '1234567',
    amount_received: '1234567000000000000',
    dust: '0',
    available: '1000000000',
  }

  test('reads the answer as quoteTransfer returns it', () => {
    expect(parseQuoteTransfer(answer)).toEqual({
      fee: 500n,
      denom: 'ufee',
      sent: 1_234_567n,
      amountReceived: 1_234_567n * 10n ** 12n,
      dust: 0n,
      available: 1_000_000_000n,
    })
  })

  test('refuses another shape, naming the field', () => {
    for (const [bad, field] of [
      [{ ...answer, sent: 5 }, 'sent'],
      [{ ...answer, dust: '-1' }, 'dust'],
      [{ ...answer, fee: { amount: '1' } }, 'fee.denom'],
      [null, 'fee.denom'],
    ] as const)
      expect(() => parseQuoteTransfer(bad)).toThrow(
        expect.objectContaining({ name: UnexpectedAnswerError.name, field }),
      )
  })
})
