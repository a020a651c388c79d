import { addressesVectors } from '@ferry/spec'
import { bech32, bech32m } from '@scure/base'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { InvalidBech32Error } from '../errors/address.js'
import { bech32ToBytes32 } from './bech32ToBytes32.js'
import { bytes32ToBech32 } from './bytes32ToBech32.js'

const cosmCases = addressesVectors.cases.filter((c) => c.kind !== 'evm')

describe('bech32ToBytes32 / bytes32ToBech32', () => {
  test('there are CosmWasm vectors of both lengths', () => {
    expect(cosmCases.map((c) => c.kind).sort()).toEqual(['cosmwasm-account', 'cosmwasm-contract'])
  })

  test.each(cosmCases)('vector: $kind', ({ input, bytes32 }) => {
    expect(bech32ToBytes32(input)).toBe(bytes32)
    expect(bytes32ToBech32(bytes32, 'wasm')).toBe(input)
  })

  test.each([20, 32])('round trip for %i-byte addresses', (length) => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: length, maxLength: length }),
        fc.constantFrom('wasm', 'osmo', 'neutron', 'cosmos'),
        (bytes, prefix) => {
          // A 32-byte address whose first 12 bytes are zero is read back as 20 bytes (PROTOCOL §2).
          fc.pre(length === 20 || bytes.subarray(0, 12).some((byte) => byte !== 0))
          const address = bech32.encode(prefix, bech32.toWords(bytes))
          expect(bytes32ToBech32(bech32ToBytes32(address), prefix)).toBe(address)
        },
      ),
    )
  })

  test('rejects data that is neither 20 nor 32 bytes', () => {
    const address = bech32.encode('wasm', bech32.toWords(new Uint8Array(21)))
    expect(() => bech32ToBytes32(address)).toThrow(
      expect.objectContaining({
        name: 'InvalidBech32Error',
        reason: '21 data bytes, not 20 or 32',
      }),
    )
  })

  test('rejects a bad checksum, bech32m and non-bech32', () => {
    const [account] = cosmCases
    if (!account) throw new Error('no vector')
    const flipped = `${account.input.slice(0, -1)}${account.input.endsWith('q') ? 'p' : 'q'}`
    expect(() => bech32ToBytes32(flipped)).toThrow(InvalidBech32Error)
    const modern = bech32m.encode('wasm', bech32m.toWords(new Uint8Array(20)))
    expect(() => bech32ToBytes32(modern)).toThrow(InvalidBech32Error)
    expect(() => bech32ToBytes32('not an address')).toThrow(InvalidBech32Error)
  })

  test('rejects an invalid prefix', () => {
    const [account] = cosmCases
    if (!account) throw new Error('no vector')
    expect(() => bytes32ToBech32(account.bytes32, '')).toThrow(InvalidBech32Error)
  })
})
