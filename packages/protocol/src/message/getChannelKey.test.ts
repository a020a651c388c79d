import { messageFromVector, messagesVectors } from '@ferry/spec'
import { describe, expect, test } from 'vitest'
import { MessageFlags } from '../constants.js'
import { FieldOutOfRangeError, InvalidBytes32Error } from '../errors/encoding.js'
import { getChannelKey } from './getChannelKey.js'

const [first] = messagesVectors.cases
if (!first) throw new Error('messages.json has no cases')

describe('getChannelKey', () => {
  test.each(messagesVectors.cases)('vector: $name', (vector) => {
    expect(getChannelKey(messageFromVector(vector))).toBe(vector.channel)
  })

  test('only the isAck flag selects the channel', () => {
    const key = messageFromVector(first)
    expect(getChannelKey({ ...key, flags: MessageFlags.ackRequested })).toBe(first.channel)
    expect(getChannelKey({ ...key, flags: MessageFlags.isAck })).not.toBe(first.channel)
  })

  test('rejects malformed fields', () => {
    const key = messageFromVector(first)
    expect(() => getChannelKey({ ...key, origin: -1 })).toThrow(FieldOutOfRangeError)
    expect(() => getChannelKey({ ...key, recipient: '0x01' })).toThrow(InvalidBytes32Error)
  })
})
