import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseEndpointError } from './parseEndpointError.js'
import {
  TokenBridgeInsufficientCollateralError,
  TokenBridgeRateLimitedError,
} from './tokenBridge.js'

const contractDir = join(import.meta.dirname, '..', '..', 'contract', 'token')
/** Every `token_bridge_…` code the contract's source can fail with. */
const contractCodes = [
  ...new Set(
    readdirSync(contractDir).flatMap((file) =>
      [
        ...readFileSync(join(contractDir, file), 'utf8').matchAll(/fail\("(token_bridge_\w+)"/g),
      ].map((match) => match[1]),
    ),
  ),
]

describe('token bridge errors', () => {
  it('has a class for every code the contract fails with', () => {
    expect(contractCodes.length).toBeGreaterThan(10)
    for (const code of contractCodes) {
      const error = parseEndpointError(new Error(`{"ferry_error":{"code":"${code}"}}`))
      expect(error.name, code).not.toBe('UnknownEndpointError')
      expect(error.code).toBe(code)
    }
  })

  it('reads the fields typed, and says whether trying again can help', () => {
    const limited = parseEndpointError(
      new Error(
        'failed to execute message; message index: 0: {"ferry_error":{"code":"token_bridge_rate_limited","domain":7002,"outbound":true,"amount":"5000000","available":"4000000"}}: execute wasm contract failed',
      ),
    )
    expect(limited).toBeInstanceOf(TokenBridgeRateLimitedError)
    expect(limited).toMatchObject({
      domain: 7002,
      outbound: true,
      amount: 5_000_000n,
      available: 4_000_000n,
      retryable: true,
    })
    const collateral = parseEndpointError(
      new Error(
        '{"ferry_error":{"code":"token_bridge_insufficient_collateral","domain":7003,"amount":"1","collateral":"0"}}',
      ),
    )
    expect(collateral).toBeInstanceOf(TokenBridgeInsufficientCollateralError)
    expect(collateral).toMatchObject({ domain: 7003, amount: 1n, collateral: 0n, retryable: false })
  })
})
