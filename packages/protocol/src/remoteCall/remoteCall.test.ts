import { decodeAbiParameters, type Hex, pad } from 'viem'
import { describe, expect, test } from 'vitest'
import { InvalidBytes32Error } from '../errors/encoding.js'
import {
  InvalidRemoteResultsError,
  RemoteCallBodyTooShortError,
  UnknownRemoteCallFormatError,
} from '../errors/remoteCall.js'
import { decodeRemoteCallBody } from './decodeRemoteCallBody.js'
import { encodeRemoteCallBody } from './encodeRemoteCallBody.js'
import { decodeEvmRemoteCalls, encodeEvmRemoteCalls } from './evmRemoteCalls.js'
import { decodeRemoteResults, encodeRemoteResults } from './remoteResults.js'

const owner = pad('0x70997970c51812dc3a010c7d01b50e0d17dc79c8')
const counter = pad('0x5fbdb2315678afecb367f032d93f642f64180aa3')

describe('remote-call body', () => {
  test('is version 1, the kind byte, the owner and the payload, and decodes back', () => {
    const payload = encodeEvmRemoteCalls([{ target: counter, value: 7n, data: '0xd09de08a' }])
    const body = encodeRemoteCallBody({ kind: 'call', owner, payload })
    expect(body.slice(0, 6)).toBe('0x0101')
    expect(`0x${body.slice(6, 70)}`).toBe(owner)
    expect(`0x${body.slice(70)}`).toBe(payload)
    expect(decodeRemoteCallBody(body)).toEqual({ kind: 'call', owner, payload })
    const read = encodeRemoteCallBody({ kind: 'read', owner, payload: '0x' })
    expect(read.slice(0, 6)).toBe('0x0102')
    expect(decodeRemoteCallBody(read)).toEqual({ kind: 'read', owner, payload: '0x' })
  })

  test('refuses a short body, an unknown version or kind, and an owner that is not 32 bytes', () => {
    expect(() => decodeRemoteCallBody('0x0101')).toThrow(RemoteCallBodyTooShortError)
    expect(() => decodeRemoteCallBody(`0x0201${'00'.repeat(32)}`)).toThrow(
      expect.objectContaining({ name: 'UnknownRemoteCallFormatError', field: 'version', value: 2 }),
    )
    expect(() => decodeRemoteCallBody(`0x0103${'00'.repeat(32)}`)).toThrow(
      UnknownRemoteCallFormatError,
    )
    expect(() => encodeRemoteCallBody({ kind: 'call', owner: '0x1234', payload: '0x' })).toThrow(
      InvalidBytes32Error,
    )
  })
})

describe('EVM calls', () => {
  test('are abi.encode((bytes32,uint256,bytes)[]) and decode back', () => {
    const calls = [
      { target: counter, value: 0n, data: '0xd09de08a' as Hex },
      { target: owner, value: 10n ** 18n, data: '0x' as Hex },
    ]
    const payload = encodeEvmRemoteCalls(calls)
    const [decoded] = decodeAbiParameters(
      [
        {
          type: 'tuple[]',
          components: [{ type: 'bytes32' }, { type: 'uint256' }, { type: 'bytes' }],
        },
      ],
      payload,
    )
    expect(decoded).toEqual([
      [counter, 0n, '0xd09de08a'],
      [owner, 10n ** 18n, '0x'],
    ])
    expect(decodeEvmRemoteCalls(payload)).toEqual(calls)
  })
})

describe('results', () => {
  test('decode from abi.encode(bytes[]) laid out by hand', () => {
    const words = ['20', '02', '40', '80', '01'] // offset, count, two element offsets, length 1
    const encoded =
      `0x${words.map((word) => word.padStart(64, '0')).join('')}${'ab'.padEnd(64, '0')}${'00'.repeat(32)}` as const
    expect(decodeRemoteResults(encoded)).toEqual(['0xab', '0x'])
  })

  test('are abi.encode(bytes[]) and decode back', () => {
    const results: Hex[] = ['0x', pad('0x2a'), '0xdeadbeef']
    expect(decodeRemoteResults(encodeRemoteResults(results))).toEqual(results)
  })

  test('that are not bytes[] (cut at the 1,024-byte limit) throw a named error saying so', () => {
    const cut = encodeRemoteResults([`0x${'ab'.repeat(2_000)}`]).slice(0, 2 + 2 * 1_024) as Hex
    expect(() => decodeRemoteResults(cut)).toThrow(InvalidRemoteResultsError)
    expect(() => decodeRemoteResults(cut)).toThrow(
      expect.objectContaining({ shortMessage: expect.stringContaining('1,024 bytes') }),
    )
  })
})
