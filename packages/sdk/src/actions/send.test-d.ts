import type { Hash } from 'viem'
import { expectTypeOf, test } from 'vitest'
import type { CosmWasmReadSource } from '../chains/cosmwasm/source.js'
import { createFerryClient } from '../client/createFerryClient.js'
import { defineFerryChain } from '../client/defineFerryChain.js'
import { send } from './send.js'

const evm = defineFerryChain({
  kind: 'evm',
  name: 'base',
  domain: 8453,
  endpoint: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
  rpcUrls: ['http://127.0.0.1:8545'],
})
const wasm = defineFerryChain({
  kind: 'cosmwasm',
  name: 'osmosis',
  domain: 7001,
  endpoint: 'osmo1…',
  bech32Prefix: 'osmo',
  // CAST: a type test never reads the chain.
  source: {} as CosmWasmReadSource,
})
const client = createFerryClient({ chains: [evm, wasm] })
const common = { body: '0x01', gasLimit: 100_000 } as const

test('send narrows its return by the origin’s kind', async () => {
  const fromEvm = await send(client, {
    ...common,
    from: 'base',
    to: 'osmosis',
    recipient: 'osmo1…',
  })
  expectTypeOf(fromEvm.transactionHash).toEqualTypeOf<Hash>()
  expectTypeOf(fromEvm.chain).toEqualTypeOf<'base'>()
  expectTypeOf(fromEvm.feePaid).toEqualTypeOf<bigint>()
  const fromWasm = await send(client, { ...common, from: 7001, to: 'base', recipient: '0x01' })
  expectTypeOf(fromWasm.transactionHash).toEqualTypeOf<string>()
  expectTypeOf(fromWasm.chain).toEqualTypeOf<'osmosis'>()
})

test('a chain the client does not know does not compile', () => {
  // @ts-expect-error: 'ethereum' is none of the client's chains
  send(client, { ...common, from: 'ethereum', to: 'osmosis', recipient: 'osmo1…' })
  // @ts-expect-error: nor is domain 1
  send(client, { ...common, from: 'base', to: 1, recipient: '0x01' })
})

test('the recipient is typed by the destination’s kind, the body as bytes', () => {
  // @ts-expect-error: an EVM destination takes a 0x address (or 32-byte hex), not bech32
  send(client, { ...common, from: 'osmosis', to: 'base', recipient: 'osmo1…' })
  // A CosmWasm destination takes bech32, or 32-byte hex.
  send(client, { ...common, from: 'base', to: 'osmosis', recipient: `0x${'00'.repeat(32)}` })
  send(client, {
    ...common,
    from: 'base',
    to: 'osmosis',
    recipient: 'osmo1…',
    body: new Uint8Array(1),
  })
  // @ts-expect-error: a body is hex or bytes, not text
  send(client, { ...common, from: 'base', to: 'osmosis', recipient: 'osmo1…', body: 'hello' })
})
