import { encodeErrorResult, stringToHex } from 'viem'
import { describe, expect, test } from 'vitest'
import { decodeResult, toUtf8 } from './decodeResult.ts'

describe('decodeResult', () => {
  test('Error(string) is decoded', () => {
    const data = encodeErrorResult({
      abi: [{ type: 'error', name: 'Error', inputs: [{ name: 'message', type: 'string' }] }],
      errorName: 'Error',
      args: ['boom <b>'],
    })
    expect(decodeResult(data)).toBe('Error("boom <b>")')
  })
  test('printable UTF-8 is quoted text, binary stays hex, empty is nothing', () => {
    expect(decodeResult(stringToHex('fail:no'))).toBe('"fail:no"')
    expect(decodeResult('0x00ff01')).toBe('0x00ff01')
    expect(decodeResult('0x')).toBe('nothing')
    expect(decodeResult(`0x603b4a13${'0'.repeat(63)}1`)).toBe(
      `custom error 0x603b4a13 (arguments 0x${'0'.repeat(63)}1)`,
    )
  })
  test('toUtf8 refuses invalid UTF-8 and control characters', () => {
    expect(toUtf8(stringToHex('héllo\n'))).toBe('héllo\n')
    expect(toUtf8('0xc3')).toBeUndefined()
    expect(toUtf8('0x0001')).toBeUndefined()
    expect(toUtf8('nothex')).toBeUndefined()
  })
})
