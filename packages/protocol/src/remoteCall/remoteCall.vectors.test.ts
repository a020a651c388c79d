import { interchainAccountsVectors } from '@ferry/spec'
import { type Hex, stringToHex } from 'viem'
import { describe, expect, test } from 'vitest'
import { REMOTE_CALL_KINDS } from './constants.js'
import { decodeRemoteCallBody } from './decodeRemoteCallBody.js'
import { encodeRemoteCallBody } from './encodeRemoteCallBody.js'
import { decodeEvmRemoteCalls, encodeEvmRemoteCalls } from './evmRemoteCalls.js'
import { decodeRemoteResults, encodeRemoteResults } from './remoteResults.js'

// spec/apps/interchain-accounts.json, reproduced byte for byte (the routers' tests do the same).
const { bodies, results } = interchainAccountsVectors
const kindOf = (byte: number) => (byte === REMOTE_CALL_KINDS.call ? 'call' : 'read')

describe.each(bodies)('body: $name', (vector) => {
  const payload: Hex = vector.calls
    ? encodeEvmRemoteCalls(
        vector.calls.map(({ target, value, data }) => ({ target, value: BigInt(value), data })),
      )
    : stringToHex(JSON.stringify(vector.json))

  test('the payload and body encode to the example', () => {
    expect(payload).toBe(vector.payload)
    expect(encodeRemoteCallBody({ kind: kindOf(vector.kind), owner: vector.owner, payload })).toBe(
      vector.body,
    )
  })

  test('the body decodes back', () => {
    expect(decodeRemoteCallBody(vector.body)).toEqual({
      kind: kindOf(vector.kind),
      owner: vector.owner,
      payload: vector.payload,
    })
    if (vector.calls)
      expect(decodeEvmRemoteCalls(vector.payload)).toEqual(
        vector.calls.map(({ target, value, data }) => ({ target, value: BigInt(value), data })),
      )
  })
})

test.each(results)('results $results encode to the example and back', ({ results, encoded }) => {
  expect(encodeRemoteResults(results)).toBe(encoded)
  expect(decodeRemoteResults(encoded)).toEqual(results)
})
