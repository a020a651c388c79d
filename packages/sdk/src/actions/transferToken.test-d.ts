import type { TokenTransfer } from '@ferry/protocol'
import type { Hex } from 'viem'
import { expectTypeOf, test } from 'vitest'
import { defineFerryChain } from '../client/defineFerryChain.js'
import type { RecoveryHint } from '../errors/FerryError.js'
import { typeClient, typeId } from '../test/typeClient.js'
import { getTransfer } from './getTransfer.js'
import { quoteTransfer } from './quoteTransfer.js'
import type { MessageState } from './toMessageState.js'
import { transferToken } from './transferToken.js'

test('quoteTransfer returns bigint amounts and, on CosmWasm, a fee denom', async () => {
  const quote = await quoteTransfer(typeClient, {
    origin: 'base',
    destination: 'osmosis',
    amount: 10n ** 18n,
  })
  expectTypeOf(quote).toEqualTypeOf<{
    fee: bigint
    denom: string | undefined
    sent: bigint
    amountReceived: bigint
    dust: bigint
    available: bigint
  }>()
})

test('transferToken takes chains the client knows and bigint amounts', async () => {
  const sent = await transferToken(typeClient, {
    origin: 7001,
    destination: 'base',
    recipient: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    amount: 1_000_000n,
  })
  expectTypeOf(sent.id).toEqualTypeOf<Hex>()
  expectTypeOf(sent.transfer).toEqualTypeOf<TokenTransfer>()
  transferToken(typeClient, {
    // @ts-expect-error: 'ethereum' is none of the client's chains
    origin: 'ethereum',
    destination: 'base',
    recipient: '0x',
    amount: 1n,
  })
  transferToken(typeClient, {
    origin: 'base',
    destination: 'osmosis',
    recipient: 'osmo1…',
    // @ts-expect-error: amounts are bigint, never number (18 decimals overflow a double)
    amount: 1,
  })
})

test('getTransfer returns the message state and the decoded transfer', async () => {
  const { state, transfer } = await getTransfer(typeClient, { id: typeId, origin: 'base' })
  expectTypeOf(state).toEqualTypeOf<MessageState>()
  expectTypeOf(transfer?.bridges).toEqualTypeOf<{ origin: Hex; destination: Hex } | undefined>()
  expectTypeOf(transfer?.amount).toEqualTypeOf<bigint | undefined>()
})

test('chains take their token bridge in their own address form; recovery hints include transfers’', () => {
  // @ts-expect-error: an EVM chain's bridge is a 0x address
  defineFerryChain({
    kind: 'evm',
    name: 'base',
    domain: 8453,
    endpoint: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    rpcUrls: [],
    tokenBridge: 'osmo1bridge',
  })
  expectTypeOf<Extract<RecoveryHint, { action: 'lowerAmount' }>>().toEqualTypeOf<{
    action: 'lowerAmount'
    amount: bigint
  }>()
})
