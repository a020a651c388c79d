import { createPublicClient, http } from 'viem'
import { expectTypeOf, test } from 'vitest'
import { createFerryClient } from './createFerryClient.js'
import { defineFerryChain } from './defineFerryChain.js'

test('a chain is checked by its kind', () => {
  defineFerryChain({
    kind: 'evm',
    name: 'a',
    domain: 1,
    endpoint: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    publicClient: createPublicClient({ transport: http('http://127.0.0.1:8545') }),
  })
  defineFerryChain({
    kind: 'cosmwasm',
    name: 'w',
    domain: 2,
    endpoint: 'wasm1…',
    bech32Prefix: 'wasm',
    rpcUrls: ['http://127.0.0.1:26657'],
  })
  defineFerryChain({
    kind: 'cosmwasm',
    name: 'w',
    domain: 2,
    endpoint: 'wasm1…',
    bech32Prefix: 'wasm',
    // @ts-expect-error: a CosmWasm chain takes no viem public client
    publicClient: createPublicClient({ transport: http() }),
  })
  // @ts-expect-error: a CosmWasm chain needs its bech32 prefix
  defineFerryChain({ kind: 'cosmwasm', name: 'w', domain: 2, endpoint: 'w', rpcUrls: ['http://x'] })
  // @ts-expect-error: an EVM endpoint is a 0x address
  defineFerryChain({ kind: 'evm', name: 'a', domain: 1, endpoint: 'wasm1', rpcUrls: ['http://x'] })
  // @ts-expect-error: a chain is read through RPC URLs or a client of its own, not neither
  defineFerryChain({ kind: 'evm', name: 'a', domain: 1, endpoint: '0x5FbDB2315678afecb367f0' })
})

test('the client narrows chains and readers by name, domain and kind', () => {
  const evm = defineFerryChain({
    kind: 'evm',
    name: 'a',
    domain: 1,
    endpoint: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    rpcUrls: ['http://127.0.0.1:8545'],
  })
  const wasm = defineFerryChain({
    kind: 'cosmwasm',
    name: 'w',
    domain: 2,
    endpoint: 'wasm1…',
    bech32Prefix: 'wasm',
    rpcUrls: ['http://127.0.0.1:26657'],
  })
  const client = createFerryClient({ chains: [evm, wasm] })
  expectTypeOf(client.chain('w').kind).toEqualTypeOf<'cosmwasm'>()
  expectTypeOf(client.chain(1).kind).toEqualTypeOf<'evm'>()
  expectTypeOf(client.reader(evm).kind).toEqualTypeOf<'evm'>()
  expectTypeOf(client.reader(wasm).kind).toEqualTypeOf<'cosmwasm'>()
})
