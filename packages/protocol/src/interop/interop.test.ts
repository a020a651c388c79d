import { describe, expect, test } from 'vitest'
import { FieldOutOfRangeError, InvalidHexError } from '../errors/encoding.js'
import { InvalidInteropAddressError } from '../errors/interop.js'
import { evmChainInterop } from './chainInterop.js'
import { decodeInteropAddress } from './decodeInteropAddress.js'
import { encodeInteropAddress } from './encodeInteropAddress.js'

const ALICE = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8'
const VALID = `0x00010000027a6914${ALICE.slice(2)}` as const

describe('decodeInteropAddress refuses malformed input', () => {
  test.each([
    ['0x0001000002', '5 bytes, shorter than the 6-byte head'],
    [`0x0002${VALID.slice(6)}`, 'version 2, not 1'],
    ['0x00010000107a69', 'the reference runs past the end'],
    ['0x00010000027a6914aabb', 'the address runs past the end'],
    [`${VALID}00`, '1 bytes after the address'],
    ['0x00010000027a69021234', 'an EIP-155 address of 2 bytes, not 20'],
    [`0x0001c05a0021${'11'.repeat(33)}`, 'an address of 33 bytes, above 32'],
  ])('%s: %s', (value, reason) => {
    expect(() => decodeInteropAddress(value as `0x${string}`)).toThrow(
      expect.objectContaining({ name: 'InvalidInteropAddressError', reason }),
    )
  })

  test('odd hex is an InvalidHexError', () => {
    expect(() => decodeInteropAddress('0x123')).toThrow(InvalidHexError)
  })
})

describe('encodeInteropAddress', () => {
  test('round-trips and lower-cases the address', () => {
    const encoded = encodeInteropAddress({
      chainType: 0,
      reference: '0x7a69',
      address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    })
    expect(encoded).toBe(VALID)
    expect(decodeInteropAddress(encoded)).toEqual({
      chainType: 0,
      reference: '0x7a69',
      address: ALICE,
    })
  })

  test('refuses what decoding refuses', () => {
    expect(() =>
      encodeInteropAddress({ chainType: 0, reference: '0x01', address: '0x1234' }),
    ).toThrow(InvalidInteropAddressError)
    expect(() => encodeInteropAddress({ chainType: 0x1_0000, reference: '0x01' })).toThrow(
      InvalidInteropAddressError,
    )
    expect(() =>
      encodeInteropAddress({
        chainType: 0xc05a,
        reference: '0x01',
        address: `0x${'11'.repeat(33)}`,
      }),
    ).toThrow(InvalidInteropAddressError)
  })
})

test('evmChainInterop writes the chain id without leading zeros and refuses 0', () => {
  expect(evmChainInterop(1)).toBe('0x00010000010100')
  expect(evmChainInterop(256n)).toBe('0x0001000002010000')
  expect(() => evmChainInterop(0)).toThrow(FieldOutOfRangeError)
})
