import { describe, expect, test } from 'vitest'
import { RpcError } from '../errors.js'
import { isRpcFailure } from './isRpcFailure.js'

const withCode = (code: string) => Object.assign(new Error(code), { code })

describe('isRpcFailure', () => {
  test('a node that cannot be reached or cannot serve the call', () => {
    expect(isRpcFailure(new TypeError('fetch failed', { cause: withCode('ECONNREFUSED') }))).toBe(
      true,
    )
    expect(isRpcFailure(new Error('Bad status on response: 502'))).toBe(true)
    expect(isRpcFailure(new Error('{"code":-32603,"message":"Internal error","data":"…"}'))).toBe(
      true,
    )
    expect(isRpcFailure(new DOMException('The operation timed out.', 'TimeoutError'))).toBe(true)
    // Found anywhere in the chain of causes (the typed client wraps what the executor threw).
    expect(
      isRpcFailure(new Error('The endpoint call failed.', { cause: withCode('ECONNRESET') })),
    ).toBe(true)
  })

  test('the chain answering no, and an RpcError already given up on', () => {
    expect(isRpcFailure(new Error('Query failed with (6): nonce_out_of_order: …'))).toBe(false)
    expect(isRpcFailure(new Error('Broadcasting transaction failed with code 11'))).toBe(false)
    expect(
      isRpcFailure(new RpcError({ method: 'status', domain: 1, cause: withCode('ECONNREFUSED') })),
    ).toBe(false)
    expect(isRpcFailure('fetch failed')).toBe(false)
  })
})
