import type { Hash, Hex } from 'viem'
import { expectTypeOf, test } from 'vitest'
import { typeClient as client, typeId } from '../test/typeClient.js'
import { claimSwap } from './claimSwap.js'
import { lockSwap } from './lockSwap.js'
import { proposeSwap, type SwapTerms } from './proposeSwap.js'
import { refundSwap } from './refundSwap.js'
import { type SwapState, watchSwap } from './watchSwap.js'

const terms = { hashlock: typeId, timelock: 1n, amount: 1n } as const

test('lockSwap types the recipient and the token by the chain’s kind, and its hash', async () => {
  const onEvm = await lockSwap(client, { ...terms, chain: 'base', recipient: '0x01' })
  expectTypeOf(onEvm.transactionHash).toEqualTypeOf<Hash>()
  expectTypeOf(onEvm.lockId).toEqualTypeOf<Hex>()
  const onWasm = await lockSwap(client, {
    ...terms,
    chain: 7001,
    recipient: 'osmo1…',
    token: 'uosmo',
    relay: { chain: 'base', lockId: typeId },
  })
  expectTypeOf(onWasm.transactionHash).toEqualTypeOf<string>()
  // @ts-expect-error: an ERC-20 is a 0x address, not a denom
  lockSwap(client, { ...terms, chain: 'base', recipient: '0x01', token: 'uosmo' })
  // @ts-expect-error: an EVM recipient is a 0x address, not bech32
  lockSwap(client, { ...terms, chain: 'base', recipient: 'osmo1…' })
  lockSwap(client, {
    ...terms,
    chain: 'base',
    recipient: '0x01',
    // @ts-expect-error: the relay's chain is one of the client's
    relay: { chain: 'eth', lockId: typeId },
  })
})

test('proposeSwap names chains of the client and returns shareable terms', () => {
  const { secret, terms: proposed } = proposeSwap(client, {
    initiator: { chain: 'base', amount: 1n },
    participant: { chain: 'osmosis', amount: 1n },
  })
  expectTypeOf(secret).toEqualTypeOf<Hex>()
  expectTypeOf(proposed).toEqualTypeOf<SwapTerms>()
  proposeSwap(client, {
    // @ts-expect-error: 'ethereum' is none of the client's chains
    initiator: { chain: 'ethereum', amount: 1n },
    participant: { chain: 'base', amount: 1n },
  })
})

test('claimSwap, refundSwap and watchSwap', async () => {
  const claimed = await claimSwap(client, { chain: 'osmosis', lockId: typeId, preimage: typeId })
  expectTypeOf(claimed.transactionHash).toEqualTypeOf<string>()
  const refunded = await refundSwap(client, { chain: 'base', lockId: typeId })
  expectTypeOf(refunded.transactionHash).toEqualTypeOf<Hash>()
  // @ts-expect-error: a preimage is hex
  claimSwap(client, { chain: 'base', lockId: typeId, preimage: new Uint8Array(32) })
  const watch = watchSwap(client, {
    initiatorLock: { chain: 'base', lockId: typeId },
    participantLock: { chain: 7001, lockId: typeId },
  })
  for await (const state of watch) expectTypeOf(state).toEqualTypeOf<SwapState>()
})
