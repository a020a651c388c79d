import { tokenBridgeVectors } from '@ferry/spec'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { InvalidBytes32Error } from '../errors/encoding.js'
import {
  TokenTransferBodyLengthError,
  TokenTransferVersionError,
  TransferAmountTooLargeError,
  TransferAmountZeroError,
  TransferDecimalsError,
} from '../errors/tokenTransfer.js'
import { MAX_TRANSFER_AMOUNT } from './constants.js'
import { decodeTokenTransferBody } from './decodeTokenTransferBody.js'
import { encodeTokenTransferBody } from './encodeTokenTransferBody.js'
import { scaleTransferAmount } from './scaleTransferAmount.js'

const [example] = tokenBridgeVectors.bodies
if (!example) throw new Error('spec/apps/token-bridge.json has no body')
const transfer = { recipient: example.recipient, amount: 1n, sender: example.sender }

describe('decodeTokenTransferBody refuses what a bridge refuses', () => {
  test('a body of another length (a remote call, a truncated transfer)', () => {
    expect(() => decodeTokenTransferBody(example.body.slice(0, -2) as `0x${string}`)).toThrow(
      expect.objectContaining({ name: 'TokenTransferBodyLengthError', length: 96 }),
    )
    expect(() => decodeTokenTransferBody(`${example.body}00`)).toThrow(TokenTransferBodyLengthError)
  })

  test('another version', () => {
    expect(() => decodeTokenTransferBody(`0x02${example.body.slice(4)}`)).toThrow(
      expect.objectContaining({ name: 'TokenTransferVersionError', version: 2 }),
    )
    expect(() => decodeTokenTransferBody(`0x00${example.body.slice(4)}`)).toThrow(
      TokenTransferVersionError,
    )
  })
})

describe('encodeTokenTransferBody', () => {
  test('refuses a zero amount, one above 2^128 − 1, and addresses that are not 32 bytes', () => {
    expect(() => encodeTokenTransferBody({ ...transfer, amount: 0n })).toThrow(
      TransferAmountZeroError,
    )
    expect(() => encodeTokenTransferBody({ ...transfer, amount: -1n })).toThrow(
      TransferAmountZeroError,
    )
    expect(() =>
      encodeTokenTransferBody({ ...transfer, amount: MAX_TRANSFER_AMOUNT + 1n }),
    ).toThrow(TransferAmountTooLargeError)
    expect(() =>
      encodeTokenTransferBody({
        ...transfer,
        recipient: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8',
      }),
    ).toThrow(InvalidBytes32Error)
  })
})

describe('scaleTransferAmount', () => {
  test('the zero error names the smallest amount that delivers', () => {
    expect(() =>
      scaleTransferAmount({ amount: 999_999_999_999n, localDecimals: 18, remoteDecimals: 6 }),
    ).toThrow(expect.objectContaining({ minimum: 10n ** 12n }))
    expect(() => scaleTransferAmount({ amount: 0n, localDecimals: 6, remoteDecimals: 18 })).toThrow(
      expect.objectContaining({ name: 'TransferAmountZeroError', minimum: 1n }),
    )
  })

  test('refuses an amount that scales above 2^128 − 1', () => {
    expect(() =>
      scaleTransferAmount({ amount: MAX_TRANSFER_AMOUNT, localDecimals: 6, remoteDecimals: 18 }),
    ).toThrow(TransferAmountTooLargeError)
    expect(
      scaleTransferAmount({ amount: MAX_TRANSFER_AMOUNT, localDecimals: 6, remoteDecimals: 6 })
        .amountReceived,
    ).toBe(MAX_TRANSFER_AMOUNT)
  })

  test('refuses decimals more than 36 apart or not a u8', () => {
    for (const [localDecimals, remoteDecimals] of [
      [0, 37],
      [40, 0],
      [256, 255],
      [-1, 0],
      [1.5, 2],
    ] as const)
      expect(() => scaleTransferAmount({ amount: 1n, localDecimals, remoteDecimals })).toThrow(
        TransferDecimalsError,
      )
    expect(
      scaleTransferAmount({ amount: 1n, localDecimals: 0, remoteDecimals: 36 }).amountReceived,
    ).toBe(10n ** 36n)
  })

  test('nothing is lost or minted: sent plus dust is the amount, and sent scales exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 10n ** 12n, max: 2n ** 140n }), (amount) => {
        const { sent, dust, amountReceived } = scaleTransferAmount({
          amount,
          localDecimals: 18,
          remoteDecimals: 6,
        })
        expect(sent + dust).toBe(amount)
        expect(sent).toBe(amountReceived * 10n ** 12n)
        expect(dust < 10n ** 12n).toBe(true)
      }),
    )
  })
})
