import { createEmbeddedChain } from '@ferry/cosmwasm-bindings/embedded'
import { describe, expect, test } from 'vitest'
import { ConfigError } from '../config/errors.js'
import type { ChainConfig } from '../config/schema.js'
import { findEmbeddedChain } from './findEmbeddedChain.js'

const cosmwasm = (rpcUrls: string[]): ChainConfig => ({
  kind: 'cosmwasm',
  name: 'wasm',
  domain: 7001,
  rpcUrls,
  endpoint: 'wasm14hj2tavq8fpesdwxxcu44rty3hh90vhujrvcmstl4zr3txmfvw9s0phg4d',
  bech32Prefix: 'wasm',
  gasPrice: '0.025stake',
  finality: { confirmations: 0 },
  pollIntervalMs: 500,
})

describe('findEmbeddedChain', () => {
  const chain = createEmbeddedChain({ chainId: 'ferry-7001', bech32Prefix: 'wasm' })

  test('an embedded:// entry reads the chain the process handed over under its chain id', () => {
    const found = findEmbeddedChain(
      cosmwasm(['embedded://ferry-7001']),
      2,
      new Map([['ferry-7001', chain]]),
    )
    expect(found).toBe(chain)
  })

  test('an RPC entry embeds nothing', () => {
    expect(
      findEmbeddedChain(cosmwasm(['http://127.0.0.1:26657']), 2, new Map([['ferry-7001', chain]])),
    ).toBeUndefined()
  })

  test('a chain the process does not embed (the CLI embeds none) fails naming the field', () => {
    const error = (() => {
      try {
        findEmbeddedChain(cosmwasm(['embedded://other-chain']), 2)
      } catch (caught) {
        return caught
      }
    })()
    if (!(error instanceof ConfigError)) throw new Error(`expected a ConfigError, got ${error}`)
    expect(error.issues).toEqual([
      expect.objectContaining({
        field: 'chains[2].rpcUrls',
        message: expect.stringContaining('embeds none'),
      }),
    ])
  })
})
