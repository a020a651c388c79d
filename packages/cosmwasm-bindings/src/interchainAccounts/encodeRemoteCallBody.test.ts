import { describe, expect, test } from 'vitest'
import { decodeRemoteResults } from './decodeRemoteResults.js'
import { encodeCosmosPayload } from './encodeCosmosPayload.js'
import { encodeRemoteCallBody, RemoteCallKind } from './encodeRemoteCallBody.js'

describe('encodeRemoteCallBody', () => {
  test('is version 1 | kind | owner b32 | payload', () => {
    const owner = `0x${'22'.repeat(32)}` as const
    expect(encodeRemoteCallBody({ kind: RemoteCallKind.Read, owner, payload: '0xdead' })).toBe(
      `0x0102${'22'.repeat(32)}dead`,
    )
    expect(
      encodeRemoteCallBody({ kind: RemoteCallKind.Call, owner, payload: Uint8Array.of(1, 2) }),
    ).toBe(`0x0101${'22'.repeat(32)}0102`)
  })
})

describe('encodeCosmosPayload', () => {
  test('is the UTF-8 JSON array of the items', () => {
    const items = [{ bank: { balance: { address: 'wasm1x', denom: 'ustake' } } }] as const
    expect(Buffer.from(encodeCosmosPayload(items).slice(2), 'hex').toString('utf8')).toBe(
      JSON.stringify(items),
    )
  })
})

describe('decodeRemoteResults', () => {
  test('reads abi.encode(bytes[])', () => {
    const encoded = `0x${[
      '20', // offset of the array
      '02', // two elements
      '40', // element 0 at 0x40 from the offsets
      '80', // element 1 at 0x80
      '01', // element 0: one byte
    ]
      .map((word) => word.padStart(64, '0'))
      .join('')}${'ab'.padEnd(64, '0')}${'00'.repeat(32)}` as const
    expect(decodeRemoteResults(encoded)).toEqual(['0xab', '0x'])
  })
})
