import { messageFromVector, messagesVectors } from '@ferry/spec'
import fc from 'fast-check'
import { bytesToHex, hexToBytes } from 'viem'
import { describe, expect, test } from 'vitest'
import { MAX_BODY_LENGTH, MESSAGE_HEADER_LENGTH } from '../constants.js'
import { AckBodyTooShortError } from '../errors/ack.js'
import { InvalidHexError } from '../errors/encoding.js'
import {
  AckRequestedOnAckError,
  BodyTooLargeError,
  MessageTooShortError,
  UnknownFlagsError,
  UnsupportedVersionError,
} from '../errors/message.js'
import { validMessage } from '../test/arbitraries.js'
import { decodeMessage } from './decodeMessage.js'
import { encodeMessage } from './encodeMessage.js'

const [first] = messagesVectors.cases
if (!first) throw new Error('messages.json has no cases')
const header = hexToBytes(first.encoded)

/** `first`'s encoding with byte `index` replaced. */
function withByte(index: number, value: number): Uint8Array {
  const bytes = header.slice()
  bytes[index] = value
  return bytes
}

describe('decodeMessage', () => {
  test.each(messagesVectors.cases)('vector: $name', (vector) => {
    expect(decodeMessage(vector.encoded)).toEqual(messageFromVector(vector))
    expect(decodeMessage(hexToBytes(vector.encoded))).toEqual(messageFromVector(vector))
  })

  test('round trip: decode(encode(m)) == m for valid messages', () => {
    fc.assert(
      fc.property(validMessage(), (message) => {
        expect(decodeMessage(encodeMessage(message))).toEqual(message)
      }),
    )
  })

  test('round trip: encode(decode(bytes)) == bytes for decodable bytes', () => {
    fc.assert(
      fc.property(validMessage(), (message) => {
        const encoded = encodeMessage(message)
        expect(encodeMessage(decodeMessage(encoded))).toBe(encoded)
      }),
    )
  })

  test('rejects anything shorter than the header with MessageTooShortError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: MESSAGE_HEADER_LENGTH - 1 }), (bytes) => {
        expect(() => decodeMessage(bytes)).toThrow(MessageTooShortError)
        expect(() => decodeMessage(bytesToHex(bytes))).toThrow(
          expect.objectContaining({ length: bytes.length, min: MESSAGE_HEADER_LENGTH }),
        )
      }),
    )
  })

  test('rejects any other version with UnsupportedVersionError', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }).filter((v) => v !== 1),
        (version) => {
          expect(() => decodeMessage(withByte(0, version))).toThrow(UnsupportedVersionError)
        },
      ),
    )
  })

  test('rejects unknown flag bits with UnknownFlagsError', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 255 }), (flags) => {
        expect(() => decodeMessage(withByte(1, flags))).toThrow(UnknownFlagsError)
      }),
    )
  })

  test('accepts every body length up to the limit and rejects one more byte', () => {
    const limit = new Uint8Array(MESSAGE_HEADER_LENGTH + MAX_BODY_LENGTH)
    limit.set(header)
    expect(decodeMessage(limit).body.length).toBe(2 + 2 * MAX_BODY_LENGTH)
    const over = new Uint8Array(limit.length + 1)
    over.set(header)
    expect(() => decodeMessage(over)).toThrow(BodyTooLargeError)
  })

  test('does not check the destination, nor the sender-side ackGasLimit rule', () => {
    // A stray ackGasLimit is for encodeMessage to refuse; endpoints accept it as written.
    const bytes = withByte(38, 0xff)
    bytes[97] = 1
    expect(decodeMessage(bytes)).toMatchObject({ ackGasLimit: 1 })
  })

  test('rejects an ack that requests an ack, as endpoints do', () => {
    expect(() => decodeMessage(withByte(1, 3))).toThrow(AckRequestedOnAckError)
  })

  test('rejects an ack whose body is shorter than originalId | status, as endpoints do', () => {
    const ack = new Uint8Array([...withByte(1, 1), ...new Uint8Array(32)])
    expect(() => decodeMessage(ack)).toThrow(AckBodyTooShortError)
    expect(decodeMessage(new Uint8Array([...ack, 1])).body).toHaveLength(2 + 66)
  })

  test('reads a Uint8Array view at an offset', () => {
    const padded = new Uint8Array(header.length + 7)
    padded.set(header, 7)
    expect(decodeMessage(padded.subarray(7))).toEqual(messageFromVector(first))
  })

  test('rejects malformed hex with InvalidHexError', () => {
    expect(() => decodeMessage('0x0')).toThrow(InvalidHexError)
    expect(() => decodeMessage(`0x${'g'.repeat(196)}`)).toThrow(InvalidHexError)
  })
})
