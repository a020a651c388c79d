import { addressesVectors } from '@ferry/spec'
import fc from 'fast-check'
import { bytesToHex, getAddress } from 'viem'
import { describe, expect, test } from 'vitest'
import { InvalidAddressError } from '../errors/address.js'
import { InvalidBytes32Error } from '../errors/encoding.js'
import { bytes32ToEvmAddress } from './bytes32ToEvmAddress.js'
import { evmAddressToBytes32 } from './evmAddressToBytes32.js'

const evmCases = addressesVectors.cases.filter((c) => c.kind === 'evm')

describe('evmAddressToBytes32 / bytes32ToEvmAddress', () => {
  test('there are EVM vectors', () => expect(evmCases.length).toBeGreaterThan(0))

  test.each(evmCases)('vector: $input', ({ input, bytes32 }) => {
    // CAST: the vector's kind is evm, so its input is a 0x address.
    expect(evmAddressToBytes32(input as `0x${string}`)).toBe(bytes32)
    expect(evmAddressToBytes32(input.toLowerCase() as `0x${string}`)).toBe(bytes32)
    expect(bytes32ToEvmAddress(bytes32)).toBe(input)
  })

  test('round trip for any 20 bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), (bytes) => {
        const address = getAddress(bytesToHex(bytes))
        expect(bytes32ToEvmAddress(evmAddressToBytes32(address))).toBe(address)
      }),
    )
  })

  test('rejects a bad checksum and a bad shape', () => {
    expect(() => evmAddressToBytes32('0x5FbDB2315678afecb367f032d93F642f64180aA3')).toThrow(
      expect.objectContaining({ name: 'InvalidAddressError', reason: 'bad EIP-55 checksum' }),
    )
    expect(() => evmAddressToBytes32('0x1234')).toThrow(InvalidAddressError)
  })

  test('rejects a bytes32 with non-zero padding, or not a bytes32', () => {
    const contract = addressesVectors.cases.find((c) => c.kind === 'cosmwasm-contract')
    if (!contract) throw new Error('no cosmwasm-contract vector')
    expect(() => bytes32ToEvmAddress(contract.bytes32)).toThrow(InvalidAddressError)
    expect(() => bytes32ToEvmAddress(`0x01${'00'.repeat(31)}`)).toThrow(InvalidAddressError)
    expect(() => bytes32ToEvmAddress('0x5fbdb2315678afecb367f032d93f642f64180aa3')).toThrow(
      InvalidBytes32Error,
    )
  })
})
