import { messagesVectors } from '@ferry/spec'
import fc from 'fast-check'
import { bytesToHex } from 'viem'
import { describe, expect, test } from 'vitest'
import { MAX_RESULT_LENGTH, MessageStatus } from '../constants.js'
import { AckBodyTooShortError, ResultTooLargeError, UnknownStatusError } from '../errors/ack.js'
import { FieldOutOfRangeError, InvalidBytes32Error } from '../errors/encoding.js'
import { bytes32, hexBytes } from '../test/arbitraries.js'
import { decodeAckBody } from './decodeAckBody.js'
import { encodeAckBody } from './encodeAckBody.js'

const { ackBody } = messagesVectors
const [, , , ackMessage] = messagesVectors.cases
const vector = {
  originalId: ackBody.originalId,
  // CAST: the vector's status is 1 (Executed), checked by the first test.
  status: ackBody.status as MessageStatus,
  result: ackBody.result,
}

describe('encodeAckBody / decodeAckBody', () => {
  test('vector', () => {
    expect(ackBody.status).toBe(MessageStatus.Executed)
    expect(encodeAckBody(vector)).toBe(ackBody.encoded)
    expect(decodeAckBody(ackBody.encoded)).toEqual(vector)
  })

  test('the ack message vector carries the ack body vector', () => {
    expect(ackMessage?.body).toBe(ackBody.encoded)
  })

  test('round trip', () => {
    fc.assert(
      fc.property(
        bytes32(),
        fc.constantFrom(...Object.values(MessageStatus)),
        hexBytes({ maxLength: MAX_RESULT_LENGTH }),
        (originalId, status, result) => {
          const body = encodeAckBody({ originalId, status, result })
          expect(decodeAckBody(body)).toEqual({ originalId, status, result })
        },
      ),
    )
  })

  test('rejects bad input on encode', () => {
    expect(() => encodeAckBody({ ...vector, originalId: '0x01' })).toThrow(InvalidBytes32Error)
    // CAST: untyped callers can pass any number.
    expect(() => encodeAckBody({ ...vector, status: 4 as MessageStatus })).toThrow(
      UnknownStatusError,
    )
    // CAST: as above.
    expect(() => encodeAckBody({ ...vector, status: 256 as MessageStatus })).toThrow(
      FieldOutOfRangeError,
    )
    const result = bytesToHex(new Uint8Array(MAX_RESULT_LENGTH + 1))
    expect(() => encodeAckBody({ ...vector, result })).toThrow(ResultTooLargeError)
  })

  test('rejects bad input on decode', () => {
    expect(() => decodeAckBody(`0x${'00'.repeat(32)}`)).toThrow(AckBodyTooShortError)
    expect(() => decodeAckBody(`0x${'00'.repeat(32)}04`)).toThrow(UnknownStatusError)
    const tooLong = `0x${'00'.repeat(32)}01${'00'.repeat(MAX_RESULT_LENGTH + 1)}` as const
    expect(() => decodeAckBody(tooLong)).toThrow(ResultTooLargeError)
  })
})
