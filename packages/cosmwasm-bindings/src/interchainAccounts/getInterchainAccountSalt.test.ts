import { createHash } from 'node:crypto'
import { FieldOutOfRangeError, InvalidBytes32Error } from '@ferry/protocol'
import { describe, expect, test } from 'vitest'
import { getInterchainAccountSalt } from './getInterchainAccountSalt.js'

describe('getInterchainAccountSalt', () => {
  const owner = `0x${'00'.repeat(12)}${'ab'.repeat(20)}` as const

  test('is sha256(origin u32 big-endian | owner b32)', () => {
    const preimage = Buffer.concat([
      Buffer.from('00007a69', 'hex'),
      Buffer.from(owner.slice(2), 'hex'),
    ])
    expect(getInterchainAccountSalt({ origin: 31337, owner })).toBe(
      `0x${createHash('sha256').update(preimage).digest('hex')}`,
    )
  })

  test('differs by origin and by owner', () => {
    const salt = getInterchainAccountSalt({ origin: 1, owner })
    expect(getInterchainAccountSalt({ origin: 2, owner })).not.toBe(salt)
    expect(getInterchainAccountSalt({ origin: 1, owner: `0x${'11'.repeat(32)}` })).not.toBe(salt)
  })

  test('refuses an owner that is not 32 bytes and an origin beyond u32', () => {
    expect(() => getInterchainAccountSalt({ origin: 1, owner: '0xabcd' })).toThrow(
      InvalidBytes32Error,
    )
    expect(() => getInterchainAccountSalt({ origin: 2 ** 32, owner })).toThrow(FieldOutOfRangeError)
  })
})
