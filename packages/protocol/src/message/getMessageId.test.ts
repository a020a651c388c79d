import { messagesVectors } from '@ferry/spec'
import { hexToBytes } from 'viem'
import { describe, expect, test } from 'vitest'
import { InvalidHexError } from '../errors/encoding.js'
import { getMessageId } from './getMessageId.js'

describe('getMessageId', () => {
  test.each(messagesVectors.cases)('vector: $name', (vector) => {
    expect(getMessageId(vector.encoded)).toBe(vector.id)
    expect(getMessageId(hexToBytes(vector.encoded))).toBe(vector.id)
  })

  test('rejects malformed hex', () => {
    expect(() => getMessageId('0xabc')).toThrow(InvalidHexError)
  })
})
