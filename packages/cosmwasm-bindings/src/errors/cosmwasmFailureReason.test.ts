import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { failureReasons } from '@ferry/protocol'
import { describe, expect, it } from 'vitest'
import { COSMWASM_FAILURE_REASONS, cosmwasmFailureReason } from './cosmwasmFailureReason.js'
import { ENDPOINT_ERROR_CODES, parseEndpointError } from './parseEndpointError.js'

const contract = join(import.meta.dirname, '../../contract/assembly')

/** Every code the endpoint's source fails with: the string literal opening each `fail(` call. */
function contractCodes(): string[] {
  const codes = new Set<string>()
  for (const file of readdirSync(contract, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts')) continue
    const source = readFileSync(join(contract, file), 'utf8')
    // The gas-limit check names its code in the caller.
    for (const call of ['fail("', 'checkGasLimit("']) {
      for (let at = source.indexOf(call); at !== -1; at = source.indexOf(call, at + 1)) {
        const start = at + call.length
        codes.add(source.slice(start, source.indexOf('"', start)))
      }
    }
  }
  return [...codes].sort()
}

describe('cosmwasmFailureReason', () => {
  it('maps every code the contract can fail with, and no other code', () => {
    expect(contractCodes().length).toBeGreaterThan(50)
    expect(Object.keys(COSMWASM_FAILURE_REASONS).sort()).toEqual(contractCodes())
  })

  it('maps every code the client has an error class for', () => {
    for (const code of ENDPOINT_ERROR_CODES) expect(COSMWASM_FAILURE_REASONS).toHaveProperty(code)
  })

  it('maps onto names of the protocol’s one list of failure reasons', () => {
    for (const reason of Object.values(COSMWASM_FAILURE_REASONS))
      if (reason !== null) expect(Object.keys(failureReasons)).toContain(reason)
  })

  it('agrees with each error class on whether trying again can help', () => {
    for (const code of ENDPOINT_ERROR_CODES) {
      const reason = cosmwasmFailureReason(code)
      if (reason === undefined) continue
      const error = parseEndpointError(new Error(JSON.stringify({ ferry_error: { code } })))
      expect({ code, retryable: error.retryable }).toEqual({
        code,
        retryable: failureReasons[reason].retryable,
      })
    }
  })

  it('answers undefined for a code that is not a message failure or not known', () => {
    expect(cosmwasmFailureReason('nonce_out_of_order')).toBe('nonce_out_of_order')
    expect(cosmwasmFailureReason('unauthorized')).toBeUndefined()
    expect(cosmwasmFailureReason('toString')).toBeUndefined()
    expect(cosmwasmFailureReason(undefined)).toBeUndefined()
  })
})
