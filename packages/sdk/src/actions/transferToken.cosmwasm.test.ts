import {
  connectTokenBridges as connectCosmWasmBridges,
  deployTokenBridge as deployCosmWasmBridge,
} from '@ferry/cosmwasm-bindings/testing'
import { bridgedTokenAbi } from '@ferry/evm-contracts'
import { connectTokenBridges, deployTokenBridge } from '@ferry/evm-contracts/testing'
import {
  bech32ToBytes32,
  cosmWasmChainInterop,
  decodeInteropAddress,
  encodeInteropAddress,
  evmAddressToBytes32,
} from '@ferry/protocol'
import { TEST_COSMWASM_ACCOUNTS, TEST_COSMWASM_DENOM } from '@ferry/testkit'
import type { Address, Hex } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createFerryClient } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'
import { RecipientChainMismatchError } from '../errors/RecipientChainMismatchError.js'
import { TokenBridgePausedError } from '../errors/TokenBridgePausedError.js'
import { TransferRateLimitedError } from '../errors/TransferRateLimitedError.js'
import { startWorld, type World } from '../test/world.js'
import { getTransfer } from './getTransfer.js'
import { quoteTransfer } from './quoteTransfer.js'
import { transferToken } from './transferToken.js'

// Token transfers between kinds over the sdk's test world: the CosmWasm bridge locking the
// embedded chain's denom (6 decimals) on wasm, and an EVM SyntheticTokenBridge issuing it with
// 18 decimals on evm-a, relayed by the test. The CosmWasm side is the cw-bridge contract
// (packages/cosmwasm-bindings/contract/token), through the bindings' typed client.

const E6 = 10n ** 6n
const E12 = 10n ** 12n
/** The CosmWasm bridge's outbound limit: 100 tokens, refilled by a unit a second. */
const WASM_OUTBOUND = 100n * E6
const { owner, user } = TEST_COSMWASM_ACCOUNTS

let world: World
let client: ReturnType<typeof createFerryClient<readonly FerryChain[]>>
let me: Address
let evmMint: { bridge: Address; token: Address }
let wasmLock: string

/** The user's 20 account bytes, as an ERC-7930 address holds them. */
const userAccount = (): Hex => `0x${bech32ToBytes32(user).slice(26)}`
const bank = (address: string) => {
  if (world.wasm.node.type !== 'embedded') throw new Error('an embedded chain')
  return world.wasm.node.chain.getBalance(address, TEST_COSMWASM_DENOM)
}
const evmBalance = (owner: Address) =>
  world.evmA.client.readContract({
    address: evmMint.token,
    abi: bridgedTokenAbi,
    functionName: 'balanceOf',
    args: [owner],
  })

beforeAll(async () => {
  world = await startWorld()
  const { evmA, wasm } = world
  me = evmA.wallet.account?.address ?? '0x'
  evmMint = await deployTokenBridge(evmA, {
    endpoint: evmA.endpoint,
    kind: 'synthetic',
    name: 'Bridged Stake',
    symbol: 'bSTAKE',
    decimals: 18,
  })
  ;({ bridge: wasmLock } = await deployCosmWasmBridge(wasm.executor, {
    endpoint: wasm.endpoint,
    owner,
    mode: 'native',
    denom: TEST_COSMWASM_DENOM,
    decimals: 6,
  }))
  await connectTokenBridges(evmA, {
    bridge: evmMint.bridge,
    remote: { domain: wasm.domain, bridge: bech32ToBytes32(wasmLock), decimals: 6 },
    gasLimit: 300_000,
  })
  await connectCosmWasmBridges(wasm.executor, {
    bridge: wasmLock,
    owner,
    remote: { domain: evmA.domain, bridge: evmAddressToBytes32(evmMint.bridge), decimals: 18 },
    gasLimit: 300_000,
    outbound: { capacity: WASM_OUTBOUND, refillPerSecond: 1n },
  })
  const [a, b, w] = world.client.chains
  if (a?.kind !== 'evm' || !b || w?.kind !== 'cosmwasm') throw new Error('evm-a, evm-b, wasm')
  client = createFerryClient({
    chains: [
      { ...a, tokenBridge: evmMint.bridge },
      b,
      { ...w, tokenBridge: wasmLock, chainId: wasm.chainId },
    ],
  })
})
afterAll(() => world?.stop())

describe('wasm (native lock, 6 decimals) → evm-a (mint, 18 decimals) and back', () => {
  test('quoteTransfer reads the CosmWasm bridge: the fee in its denom, no dust upward', async () => {
    const quote = await quoteTransfer(client, {
      origin: 'wasm',
      destination: 'evm-a',
      amount: 5n * E6,
    })
    expect(quote).toMatchObject({
      denom: TEST_COSMWASM_DENOM,
      sent: 5n * E6,
      amountReceived: 5n * E6 * E12,
      dust: 0n,
      available: WASM_OUTBOUND,
    })
    expect(quote.fee).toBeGreaterThan(0n)
  })

  test('locks the denom with the fee in the same funds, and evm-a mints 10^12 times as much', async () => {
    const before = bank(user)
    const quote = await quoteTransfer(client, {
      origin: 'wasm',
      destination: 'evm-a',
      amount: 5n * E6,
    })
    const sent = await transferToken(client, {
      origin: 'wasm',
      destination: 'evm-a',
      recipient: me,
      amount: 5n * E6,
    })
    expect(sent.transfer).toEqual({
      recipient: evmAddressToBytes32(me),
      amount: 5n * E6 * E12,
      sender: bech32ToBytes32(user),
    })
    expect(bank(user)).toBe(before - 5n * E6 - quote.fee)
    expect(bank(wasmLock)).toBe(5n * E6)
    await world.relay(client.chain('wasm'), client.chain('evm-a'))
    expect((await getTransfer(client, { id: sent.id, origin: 'wasm' })).state.type).toBe('executed')
    expect(await evmBalance(me)).toBe(5n * E6 * E12)
  })

  test('back to a bech32 recipient, and to one given in ERC-7930 form: the dust stays on evm-a', async () => {
    const amount = 1_234_567_891_234_567_891n
    const interop = encodeInteropAddress({
      ...decodeInteropAddress(cosmWasmChainInterop(world.wasm.chainId)),
      address: userAccount(),
    })
    const before = bank(user)
    for (const recipient of [user, interop]) {
      const sent = await transferToken(client, {
        origin: 'evm-a',
        destination: 'wasm',
        recipient,
        amount,
      })
      expect(sent).toMatchObject({
        sent: 1_234_567n * E12,
        amountReceived: 1_234_567n,
        dust: 891_234_567_891n,
      })
      expect(sent.transfer.recipient).toBe(bech32ToBytes32(user))
    }
    expect(await evmBalance(me)).toBe(5n * E6 * E12 - 2n * 1_234_567n * E12)
    await world.relay(client.chain('evm-a'), client.chain('wasm'))
    expect(bank(user)).toBe(before + 2n * 1_234_567n)
  })

  test('an ERC-7930 recipient on another CosmWasm chain is refused', async () => {
    const elsewhere = encodeInteropAddress({
      ...decodeInteropAddress(cosmWasmChainInterop('ferry-9999')),
      address: userAccount(),
    })
    await expect(
      transferToken(client, {
        origin: 'evm-a',
        destination: 'wasm',
        recipient: elsewhere,
        amount: E12,
      }),
    ).rejects.toThrow(RecipientChainMismatchError)
  })

  test('above the CosmWasm bridge’s rate limit: refused on the origin', async () => {
    await expect(
      transferToken(client, {
        origin: 'wasm',
        destination: 'evm-a',
        recipient: me,
        amount: 200n * E6,
      }),
    ).rejects.toThrow(TransferRateLimitedError)
  })

  test('a paused CosmWasm bridge refuses on the origin, retryably; unpaused, the transfer leaves', async () => {
    const { wasm } = world
    await wasm.executor.execute(owner, wasmLock, { pause: {} })
    const transfer = () =>
      transferToken(client, { origin: 'wasm', destination: 'evm-a', recipient: me, amount: E6 })
    const error = await transfer().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TokenBridgePausedError)
    expect((error as TokenBridgePausedError).retryable).toBe(true)
    await wasm.executor.execute(owner, wasmLock, { unpause: {} })
    expect((await transfer()).amountReceived).toBe(E6 * E12)
  })
})
