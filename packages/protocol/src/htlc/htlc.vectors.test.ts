import { htlcVectors } from '@ferry/spec'
import { keccak256, padHex, stringToHex } from 'viem'
import { describe, expect, test } from 'vitest'
import { bech32ToBytes32 } from '../address/bech32ToBytes32.js'
import { HtlcPreimageLengthError } from '../errors/htlc.js'
import { HTLC_CLAIM_BODY_LENGTH, HtlcClaimOutcome } from './constants.js'
import { encodeHtlcClaimBody } from './encodeHtlcClaimBody.js'
import { getHtlcHashlock } from './getHtlcHashlock.js'
import { getHtlcLockId } from './getHtlcLockId.js'

// spec/apps/htlc.json, reproduced byte for byte (the HTLCs' tests do the same).
const { hashlocks, rejectedPreimages, lockIds, claimBodies, outcomes } = htlcVectors

describe('hashlocks', () => {
  test.each(hashlocks)('sha256 of $preimage', ({ preimage, hashlock }) => {
    expect(getHtlcHashlock(preimage)).toBe(hashlock)
  })

  test.each(rejectedPreimages)('refuses a preimage of $name', ({ preimage }) => {
    expect(() => getHtlcHashlock(preimage)).toThrow(HtlcPreimageLengthError)
  })
})

describe.each(lockIds)('lock id: $name', (vector) => {
  test('the addresses and token are their PROTOCOL §2 bytes32', () => {
    const b32 = (address: string) =>
      address.startsWith('0x')
        ? padHex(address as `0x${string}`, { size: 32 })
        : bech32ToBytes32(address)
    expect(b32(vector.htlc)).toBe(vector.bytes32.htlc)
    expect(b32(vector.locker)).toBe(vector.bytes32.locker)
    expect(b32(vector.recipient)).toBe(vector.bytes32.recipient)
    expect(
      vector.token.startsWith('0x') ? b32(vector.token) : keccak256(stringToHex(vector.token)),
    ).toBe(vector.bytes32.token)
  })

  test('the id is the example', () => {
    expect(
      getHtlcLockId({
        domain: vector.domain,
        ...vector.bytes32,
        hashlock: vector.hashlock,
        timelock: BigInt(vector.timelock),
        amount: BigInt(vector.amount),
        nonce: BigInt(vector.nonce),
      }),
    ).toBe(vector.id)
  })
})

describe('claim bodies', () => {
  test.each(claimBodies)('$name', ({ lockId, preimage, body }) => {
    expect(encodeHtlcClaimBody({ lockId, preimage })).toBe(body)
    expect((body.length - 2) / 2).toBe(HTLC_CLAIM_BODY_LENGTH)
  })

  test('outcome bytes are the spec table', () => {
    expect(HtlcClaimOutcome).toEqual(outcomes)
  })
})
