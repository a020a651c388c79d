import { bytes32ToBech32 } from '@ferry/protocol'
import { describe, expect, test } from 'vitest'
import { InvalidSearchError, parseSearch } from './parseSearch.ts'

const hash = `0x${'Ab'.repeat(32)}`
const bytes32 = `0x${'00'.repeat(12)}${'11'.repeat(20)}` as const

describe('parseSearch', () => {
  test('a 32-byte hex value is a hash, lower-cased and trimmed', () => {
    expect(parseSearch(`  ${hash} `)).toEqual({ type: 'hash32', value: hash.toLowerCase() })
  })
  test('a 20-byte hex value is an EVM address', () => {
    expect(parseSearch(`0x${'C0'.repeat(20)}`)).toEqual({
      type: 'evmAddress',
      value: `0x${'c0'.repeat(20)}`,
    })
  })
  test('a bech32 address reads as the bytes32 the API takes', () => {
    const address = bytes32ToBech32(bytes32, 'wasm')
    expect(parseSearch(address)).toEqual({ type: 'bech32', value: address, bytes32 })
  })
  test('anything else is an InvalidSearchError listing what each key looks like', () => {
    for (const bad of ['', 'hello', '0x1234', `${hash}00`, 'wasm1notachecksum', '<img src=x>']) {
      const error = (() => {
        try {
          parseSearch(bad)
        } catch (e) {
          return e
        }
      })()
      expect(error, bad).toBeInstanceOf(InvalidSearchError)
      expect((error as InvalidSearchError).message).toContain(
        'message id: 0x followed by 64 hex digits',
      )
    }
  })
})
