import { describe, expect, test } from 'vitest'
import { UnknownChainError } from '../errors/UnknownChainError.js'
import { createFerryClient } from './createFerryClient.js'
import { defineFerryChain } from './defineFerryChain.js'

const evm = defineFerryChain({
  kind: 'evm',
  name: 'evm-a',
  domain: 31337,
  endpoint: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
  rpcUrls: ['http://127.0.0.1:8545'],
})
const wasm = defineFerryChain({
  kind: 'cosmwasm',
  name: 'wasm',
  domain: 7001,
  endpoint: 'wasm14hj2tavq8fpesdwxxcu44rty3hh90vhujrvcmstl4zr3txmfvw9s0phg4d',
  bech32Prefix: 'wasm',
  rpcUrls: ['http://127.0.0.1:26657'],
})

describe('createFerryClient', () => {
  const client = createFerryClient({ chains: [evm, wasm], apiUrl: 'http://127.0.0.1:8080/' })

  test('finds a chain by name or domain', () => {
    expect(client.chain('wasm')).toBe(wasm)
    expect(client.chain(31337)).toBe(evm)
  })

  test('an unknown chain is a named error listing the known ones', () => {
    // @ts-expect-error: 'nope' is none of the client's chains
    const lookUp = () => client.chain('nope')
    expect(lookUp).toThrow(UnknownChainError)
    try {
      lookUp()
    } catch (error) {
      if (!(error instanceof UnknownChainError)) throw error
      expect(error.code).toBe('unknown_chain')
      expect(error.known).toEqual(['evm-a (31337)', 'wasm (7001)'])
      expect(error.retryable).toBe(false)
    }
  })

  test('builds one keyless reader per chain, of its kind, on first use', () => {
    const reader = client.reader(evm)
    expect(reader.kind).toBe('evm')
    expect(reader.domain).toBe(31337)
    expect(client.reader(evm)).toBe(reader)
    expect(client.reader(wasm).kind).toBe('cosmwasm')
  })

  test('keeps the API URL without a trailing slash', () => {
    expect(client.apiUrl).toBe('http://127.0.0.1:8080')
  })
})

test('the default fetch is the global one called unbound, as a browser’s must be', async () => {
  const real = globalThis.fetch
  // A browser's fetch refuses any `this` but the window ("Illegal invocation").
  globalThis.fetch = function (this: unknown) {
    if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation')
    return Promise.resolve(new Response('ok'))
  } as typeof fetch
  try {
    const client = createFerryClient({ chains: [] })
    expect(await (await client.fetch('http://api.example/v1/chains')).text()).toBe('ok')
  } finally {
    globalThis.fetch = real
  }
})
