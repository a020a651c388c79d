import { messageFromVector, messagesVectors } from '@ferry/spec'
import { bytesToHex } from 'viem'
import { describe, expect, test } from 'vitest'
import { MAX_BODY_LENGTH } from '../constants.js'
import { AckBodyTooShortError } from '../errors/ack.js'
import { FieldOutOfRangeError, InvalidBytes32Error, InvalidHexError } from '../errors/encoding.js'
import {
  AckRequestedOnAckError,
  AckRequestMismatchError,
  BodyTooLargeError,
  UnknownFlagsError,
  UnsupportedVersionError,
} from '../errors/message.js'
import { encodeMessage } from './encodeMessage.js'
import type { Message } from './types.js'

const [first] = messagesVectors.cases
if (!first) throw new Error('messages.json has no cases')
const base: Message = messageFromVector(first)

describe('encodeMessage', () => {
  test.each(messagesVectors.cases)('vector: $name', (vector) => {
    const encoded = encodeMessage(messageFromVector(vector))
    expect(encoded).toBe(vector.encoded)
    expect((encoded.length - 2) / 2).toBe(vector.length)
  })

  test('accepts mixed-case hex and encodes lower-case', () => {
    const upper = { ...base, sender: `0x${base.sender.slice(2).toUpperCase()}` } as const
    expect(encodeMessage(upper)).toBe(first.encoded)
  })

  test('accepts a body of exactly MAX_BODY_LENGTH bytes', () => {
    const body = bytesToHex(new Uint8Array(MAX_BODY_LENGTH))
    expect((encodeMessage({ ...base, body }).length - 2) / 2).toBe(98 + MAX_BODY_LENGTH)
  })

  test.each([
    ['version 2', { version: 2 }, UnsupportedVersionError],
    ['version 0', { version: 0 }, UnsupportedVersionError],
    ['version 256', { version: 256 }, FieldOutOfRangeError],
    ['flag bit 2', { flags: 4 }, UnknownFlagsError],
    ['flags 0x80', { flags: 0x80 }, UnknownFlagsError],
    ['flags 256', { flags: 256 }, FieldOutOfRangeError],
    ['ack requesting an ack', { flags: 3, ackGasLimit: 1 }, AckRequestedOnAckError],
    ['ackGasLimit without ackRequested', { flags: 0, ackGasLimit: 1 }, AckRequestMismatchError],
    ['ackGasLimit on an ack', { flags: 1, ackGasLimit: 1 }, AckRequestMismatchError],
    ['ackRequested without ackGasLimit', { flags: 2, ackGasLimit: 0 }, AckRequestMismatchError],
    [
      'an ack body shorter than originalId | status',
      { flags: 1, body: '0x01' },
      AckBodyTooShortError,
    ],
    ['origin 2^32', { origin: 2 ** 32 }, FieldOutOfRangeError],
    ['origin -1', { origin: -1 }, FieldOutOfRangeError],
    ['origin 1.5', { origin: 1.5 }, FieldOutOfRangeError],
    ['destination 2^32', { destination: 2 ** 32 }, FieldOutOfRangeError],
    ['gasLimit 2^32', { gasLimit: 2 ** 32 }, FieldOutOfRangeError],
    ['ackGasLimit 2^32', { flags: 2, ackGasLimit: 2 ** 32 }, FieldOutOfRangeError],
    ['nonce 2^64', { nonce: 2n ** 64n }, FieldOutOfRangeError],
    ['nonce -1', { nonce: -1n }, FieldOutOfRangeError],
    ['deadline 2^64', { deadline: 2n ** 64n }, FieldOutOfRangeError],
    ['sender of 20 bytes', { sender: `0x${'11'.repeat(20)}` }, InvalidBytes32Error],
    ['recipient of 33 bytes', { recipient: `0x${'11'.repeat(33)}` }, InvalidBytes32Error],
    ['recipient not hex', { recipient: `0x${'zz'.repeat(32)}` }, InvalidBytes32Error],
    ['odd-length body', { body: '0x123' }, InvalidHexError],
    ['body without 0x', { body: 'deadbeef' }, InvalidHexError],
    [
      'body over the limit',
      { body: bytesToHex(new Uint8Array(MAX_BODY_LENGTH + 1)) },
      BodyTooLargeError,
    ],
  ] as const)('rejects %s', (_, change, ErrorClass) => {
    // CAST: the cases deliberately break the types' promises, as untyped callers can.
    expect(() => encodeMessage({ ...base, ...change } as Message)).toThrow(ErrorClass)
  })

  test('errors carry their fields', () => {
    expect(() => encodeMessage({ ...base, origin: 2 ** 32 })).toThrow(
      expect.objectContaining({ field: 'origin', value: 2 ** 32, max: 0xffff_ffffn }),
    )
    expect(() => encodeMessage({ ...base, flags: 6 })).toThrow(
      expect.objectContaining({ name: 'UnknownFlagsError', flags: 6, unknown: 4 }),
    )
    expect(() =>
      encodeMessage({ ...base, body: bytesToHex(new Uint8Array(MAX_BODY_LENGTH + 1)) }),
    ).toThrow(expect.objectContaining({ length: MAX_BODY_LENGTH + 1, max: MAX_BODY_LENGTH }))
  })
})
