import { addressesVectors } from '@ferry/spec'
import { describe, expect, test } from 'vitest'
import { InvalidAddressError, InvalidBech32Error } from '../errors/address.js'
import { addressToBytes32 } from './addressToBytes32.js'

describe('addressToBytes32', () => {
  test.each(addressesVectors.cases)('vector: $kind', ({ input, bytes32 }) => {
    expect(addressToBytes32(input)).toBe(bytes32)
  })

  test('dispatches on the 0x prefix', () => {
    expect(() => addressToBytes32('0xnope')).toThrow(InvalidAddressError)
    expect(() => addressToBytes32('wasm1nope')).toThrow(InvalidBech32Error)
  })
})
