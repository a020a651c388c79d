import { describe, expect, test } from 'vitest'
import { FieldOutOfRangeError, InvalidBytes32Error } from '../errors/encoding.js'
import { HtlcPreimageLengthError } from '../errors/htlc.js'
import { encodeHtlcClaimBody } from './encodeHtlcClaimBody.js'
import { getHtlcHashlock } from './getHtlcHashlock.js'
import { getHtlcLockId } from './getHtlcLockId.js'

const B32 = `0x${'ab'.repeat(32)}` as const
const terms = {
  domain: 1,
  htlc: B32,
  locker: B32,
  recipient: B32,
  hashlock: B32,
  timelock: 1n,
  token: B32,
  amount: 1n,
  nonce: 0n,
}

describe('getHtlcHashlock', () => {
  test('names the length of a wrong preimage, bytes or hex', () => {
    const error = (() => {
      try {
        getHtlcHashlock(new Uint8Array(33))
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(HtlcPreimageLengthError)
    // CAST: checked by the line above.
    expect((error as HtlcPreimageLengthError).length).toBe(33)
    expect(() => getHtlcHashlock('0x123')).toThrow(/preimage/)
  })
})

describe('getHtlcLockId', () => {
  test('a different nonce or locker gives a different id', () => {
    const id = getHtlcLockId(terms)
    expect(getHtlcLockId({ ...terms, nonce: 1n })).not.toBe(id)
    expect(getHtlcLockId({ ...terms, locker: `0x${'cd'.repeat(32)}` })).not.toBe(id)
  })

  test('refuses fields out of range or not 32 bytes, naming them', () => {
    expect(() => getHtlcLockId({ ...terms, amount: 1n << 256n })).toThrow(FieldOutOfRangeError)
    expect(() => getHtlcLockId({ ...terms, timelock: -1n })).toThrow(/timelock/)
    expect(() => getHtlcLockId({ ...terms, domain: 2 ** 32 })).toThrow(/domain/)
    expect(() => getHtlcLockId({ ...terms, recipient: '0x1234' })).toThrow(InvalidBytes32Error)
  })
})

describe('encodeHtlcClaimBody', () => {
  test('refuses a preimage that is not 32 bytes', () => {
    expect(() => encodeHtlcClaimBody({ lockId: B32, preimage: `0x${'11'.repeat(31)}` })).toThrow(
      /preimage/,
    )
  })
})
