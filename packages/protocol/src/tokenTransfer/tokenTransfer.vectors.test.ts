import { tokenBridgeVectors } from '@ferry/spec'
import { describe, expect, test } from 'vitest'
import { TransferAmountZeroError } from '../errors/tokenTransfer.js'
import { decodeTokenTransferBody } from './decodeTokenTransferBody.js'
import { encodeTokenTransferBody } from './encodeTokenTransferBody.js'
import { scaleTransferAmount } from './scaleTransferAmount.js'

// spec/apps/token-bridge.json, reproduced byte for byte (the EVM bridges' tests do the same).
const { scaling, bodies } = tokenBridgeVectors

describe.each(scaling)(
  'scaling $amount from $localDecimals to $remoteDecimals decimals',
  ({ amount, localDecimals, remoteDecimals, sent, amountReceived, dust }) => {
    test(amountReceived === '0' ? 'is refused: it delivers nothing' : 'gives the example', () => {
      const scale = () =>
        scaleTransferAmount({ amount: BigInt(amount), localDecimals, remoteDecimals })
      if (amountReceived === '0') {
        expect(scale).toThrow(TransferAmountZeroError)
        expect(BigInt(dust)).toBe(BigInt(amount))
      } else
        expect(scale()).toEqual({
          sent: BigInt(sent),
          amountReceived: BigInt(amountReceived),
          dust: BigInt(dust),
        })
    })
  },
)

describe.each(bodies)('body: $name', ({ recipient, amount, sender, body }) => {
  test('encodes to the example and decodes back', () => {
    const transfer = { recipient, amount: BigInt(amount), sender }
    expect(encodeTokenTransferBody(transfer)).toBe(body)
    expect(decodeTokenTransferBody(body)).toEqual(transfer)
  })
})
