import {
  bridgedTokenAbi,
  collateralTokenBridgeAbi,
  ozTestTokenAbi,
  ozTestTokenBytecode,
} from '@ferry/evm-contracts'
import { connectTokenBridges, deployTokenBridge } from '@ferry/evm-contracts/testing'
import {
  cosmWasmChainInterop,
  decodeInteropAddress,
  encodeInteropAddress,
  evmAddressToBytes32,
  evmChainInterop,
  scaleTransferAmount,
} from '@ferry/protocol'
import { type Abi, type Address, getAddress, type Hex, zeroAddress } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createFerryClient } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'
import { AllowanceTooLowError } from '../errors/AllowanceTooLowError.js'
import { NoTokenBridgeError } from '../errors/NoTokenBridgeError.js'
import { RecipientChainMismatchError } from '../errors/RecipientChainMismatchError.js'
import { TokenBridgePausedError } from '../errors/TokenBridgePausedError.js'
import { TransferAmountTooSmallError } from '../errors/TransferAmountTooSmallError.js'
import { TransferBalanceTooLowError } from '../errors/TransferBalanceTooLowError.js'
import { TransferCollateralExceededError } from '../errors/TransferCollateralExceededError.js'
import { TransferRateLimitedError } from '../errors/TransferRateLimitedError.js'
import { startWorld, type World } from '../test/world.js'
import { getTransfer } from './getTransfer.js'
import { quoteTransfer } from './quoteTransfer.js'
import { transferToken } from './transferToken.js'
import { waitForMessage } from './waitForMessage.js'

// Token transfers over the sdk's test world between real EVM bridges: on evm-a a
// CollateralTokenBridge locking an 18-decimal ERC-20, on evm-b a SyntheticTokenBridge issuing
// a 6-decimal token (as a CosmWasm denom has), relayed by the test.

const E18 = 10n ** 18n
/** evm-a's outbound limit: 5 tokens, refilled by a wei a second (the test never waits it out). */
const A_OUTBOUND = 5n * E18
const OTHER: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'

let world: World
let client: ReturnType<typeof createFerryClient<readonly FerryChain[]>>
let me: Address
let token: Address
let lockBridge: Address
let mintBridge: { bridge: Address; token: Address }

async function mined(chain: World['evmA'], hash: Promise<Hex>) {
  await chain.client.waitForTransactionReceipt({ hash: await hash })
}
function write(
  chain: World['evmA'],
  address: Address,
  abi: Abi,
  functionName: string,
  args: unknown[],
) {
  const { wallet } = chain
  // CAST: the test's calls name functions of the ABIs they pass.
  return mined(
    chain,
    wallet.writeContract({
      address,
      abi,
      functionName,
      args,
      account: wallet.account ?? null,
      chain: wallet.chain,
    } as never),
  )
}
const balanceOf = (chain: World['evmA'], of: Address, owner: Address) =>
  chain.client.readContract({
    address: of,
    abi: bridgedTokenAbi,
    functionName: 'balanceOf',
    args: [owner],
  })
async function sentCount(chain: FerryChain) {
  const reader = client.reader(chain)
  return (await reader.getSentMessages(0n, (await reader.getHead()).number)).length
}
/** `address` on eip155:31337 (the world's hardhat node) as an ERC-7930 address. */
const interop = (address: Address, chain: Hex = evmChainInterop(31337)) =>
  encodeInteropAddress({ ...decodeInteropAddress(chain), address })

beforeAll(async () => {
  world = await startWorld()
  const { evmA, evmB } = world
  me = evmA.wallet.account?.address ?? '0x'
  const hash = await evmA.wallet.deployContract({
    abi: ozTestTokenAbi,
    bytecode: ozTestTokenBytecode,
    account: evmA.wallet.account ?? null,
    chain: evmA.wallet.chain,
  })
  const deployed = await evmA.client.waitForTransactionReceipt({ hash })
  token = getAddress(deployed.contractAddress ?? zeroAddress)
  await write(evmA, token, ozTestTokenAbi, 'mint', [me, 100n * E18])
  lockBridge = (
    await deployTokenBridge(evmA, { endpoint: evmA.endpoint, kind: 'collateral', token })
  ).bridge
  mintBridge = await deployTokenBridge(evmB, {
    endpoint: evmB.endpoint,
    kind: 'synthetic',
    name: 'Bridged Test Token',
    symbol: 'bTT',
    decimals: 6,
  })
  await connectTokenBridges(evmA, {
    bridge: lockBridge,
    remote: { domain: evmB.domain, bridge: mintBridge.bridge, decimals: 6 },
    outbound: { capacity: A_OUTBOUND, refillPerSecond: 1n },
  })
  await connectTokenBridges(evmB, {
    bridge: mintBridge.bridge,
    remote: { domain: evmA.domain, bridge: lockBridge, decimals: 18 },
  })
  const [a, b, wasm] = world.client.chains
  if (a?.kind !== 'evm' || b?.kind !== 'evm' || !wasm)
    throw new Error('the world has evm-a, evm-b, wasm')
  client = createFerryClient({
    chains: [{ ...a, tokenBridge: lockBridge }, { ...b, tokenBridge: mintBridge.bridge }, wasm],
  })
})
afterAll(() => world?.stop())

describe('quoteTransfer', () => {
  test('gives the fee and the amounts TOKEN §3 scales, and the rate limit’s headroom', async () => {
    const amount = 1_234_567_891_234_567_891n
    const quote = await quoteTransfer(client, { origin: 'evm-a', destination: 'evm-b', amount })
    expect(quote).toEqual({
      fee: expect.any(BigInt),
      denom: undefined,
      ...scaleTransferAmount({ amount, localDecimals: 18, remoteDecimals: 6 }),
      available: A_OUTBOUND,
    })
    expect(quote.fee).toBeGreaterThan(0n)
  })

  test('without a bridge on the chain or in the call: NoTokenBridgeError', async () => {
    await expect(
      quoteTransfer(world.client, { origin: 'evm-a', destination: 'evm-b', amount: E18 }),
    ).rejects.toThrow(NoTokenBridgeError)
    // The bridge given in the call is enough.
    const quote = await quoteTransfer(world.client, {
      origin: 'evm-a',
      destination: 'evm-b',
      amount: E18,
      bridge: lockBridge,
    })
    expect(quote.amountReceived).toBe(1_000_000n)
  })
})

describe('transferToken, evm-a (lock, 18 decimals) → evm-b (mint, 6 decimals) and back', () => {
  const amount = 1_234_567_891_234_567_891n // 1.234567891234567891 tokens

  test('refuses before approval, naming the approval to make', async () => {
    const before = await sentCount(client.chain('evm-a'))
    const error = await transferToken(client, {
      origin: 'evm-a',
      destination: 'evm-b',
      recipient: me,
      amount,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AllowanceTooLowError)
    expect((error as AllowanceTooLowError).recovery).toEqual({
      action: 'approve',
      token,
      spender: lockBridge,
      amount: 1_234_567n * 10n ** 12n,
    })
    expect(await sentCount(client.chain('evm-a'))).toBe(before)
  })

  test('locks what scales, leaves the dust, and mints exactly on evm-b for an ERC-7930 recipient', async () => {
    const { evmA, evmB } = world
    await write(evmA, token, ozTestTokenAbi, 'approve', [lockBridge, 2n ** 256n - 1n])
    const held = await balanceOf(evmA, token, me)
    const sent = await transferToken(client, {
      origin: 'evm-a',
      destination: 'evm-b',
      recipient: interop(me),
      amount,
    })
    expect(sent).toMatchObject({
      sent: 1_234_567n * 10n ** 12n,
      amountReceived: 1_234_567n,
      dust: 891_234_567_891n,
      transfer: {
        recipient: evmAddressToBytes32(me),
        amount: 1_234_567n,
        sender: evmAddressToBytes32(me),
      },
    })
    // Only `sent` left: the dust stayed.
    expect(await balanceOf(evmA, token, me)).toBe(held - sent.sent)
    expect(await balanceOf(evmA, token, lockBridge)).toBe(sent.sent)

    const pending = await getTransfer(client, { id: sent.id, origin: 'evm-a' })
    expect(pending.state.type).not.toBe('executed')
    expect(await world.relay(client.chain('evm-a'), client.chain('evm-b'))).toHaveLength(1)
    const state = await waitForMessage(client, { id: sent.id, until: 'final', timeoutMs: 10_000 })
    expect(state.type).toBe('executed')
    expect(await balanceOf(evmB, mintBridge.token, me)).toBe(1_234_567n)
    const { transfer } = await getTransfer(client, { id: sent.id, origin: 'evm-a' })
    expect(transfer).toEqual({
      ...sent.transfer,
      bridges: {
        origin: evmAddressToBytes32(lockBridge),
        destination: evmAddressToBytes32(mintBridge.bridge),
      },
    })
  })

  test('burns on evm-b and releases 10^12 times as much on evm-a', async () => {
    const { evmA, evmB } = world
    const sent = await transferToken(client, {
      origin: 'evm-b',
      destination: 'evm-a',
      recipient: OTHER,
      amount: 1_000_000n,
    })
    expect(sent).toMatchObject({ sent: 1_000_000n, amountReceived: E18, dust: 0n })
    expect(await balanceOf(evmB, mintBridge.token, me)).toBe(234_567n)
    await world.relay(client.chain('evm-b'), client.chain('evm-a'))
    expect((await getTransfer(client, { id: sent.id })).state.type).toBe('executed')
    expect(await balanceOf(evmA, token, OTHER)).toBe(E18)
  })

  test('an amount that is all dust is refused on the origin', async () => {
    const amount = 10n ** 12n - 1n
    const quote = await quoteTransfer(client, { origin: 'evm-a', destination: 'evm-b', amount })
    expect(quote).toMatchObject({ sent: 0n, amountReceived: 0n, dust: amount })
    await expect(
      transferToken(client, { origin: 'evm-a', destination: 'evm-b', recipient: me, amount }),
    ).rejects.toThrow(TransferAmountTooSmallError)
  })

  test('above the rate limit’s headroom: refused on the origin with what may leave, no message', async () => {
    const before = await sentCount(client.chain('evm-a'))
    const { available } = await quoteTransfer(client, {
      origin: 'evm-a',
      destination: 'evm-b',
      amount: E18,
    })
    const error = await transferToken(client, {
      origin: 'evm-a',
      destination: 'evm-b',
      recipient: me,
      amount: 10n * E18,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TransferRateLimitedError)
    const limited = error as TransferRateLimitedError
    expect(limited.amount).toBe(10n * E18)
    // The bucket refills a wei a second: a few seconds may have passed since the quote.
    expect(limited.available - available).toBeLessThan(60n)
    expect(limited.recovery).toEqual({ action: 'lowerAmount', amount: limited.available })
    expect(limited.retryable).toBe(true)
    expect(await sentCount(client.chain('evm-a'))).toBe(before)
  })

  test('more than the sender holds: TransferBalanceTooLowError from the simulation', async () => {
    await write(world.evmA, lockBridge, collateralTokenBridgeAbi, 'setRoute', [
      world.evmB.domain,
      { enabled: true, remoteDecimals: 6, gasLimit: 200_000 },
      2n ** 128n - 1n,
      2n ** 128n - 1n,
      2n ** 128n - 1n,
      2n ** 128n - 1n,
    ])
    const held = await balanceOf(world.evmA, token, me)
    const error = await transferToken(client, {
      origin: 'evm-a',
      destination: 'evm-b',
      recipient: me,
      amount: held + E18,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TransferBalanceTooLowError)
    expect(error).toMatchObject({ balance: held, needed: held + E18 })
  })

  test('more than the collateral locked for the route: refused on the mint side’s origin', async () => {
    // evm-b minted 1.234567 and burned 1: 0.234567 is locked on evm-a for it.
    const error = await transferToken(client, {
      origin: 'evm-b',
      destination: 'evm-a',
      recipient: me,
      amount: 300_000n,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TransferCollateralExceededError)
    expect(error).toMatchObject({ amount: 300_000n, collateral: 234_567n })
    expect((error as TransferCollateralExceededError).recovery).toEqual({
      action: 'lowerAmount',
      amount: 234_567n,
    })
  })

  test('a paused bridge refuses on the origin; unpaused, the same transfer leaves', async () => {
    const { evmB } = world
    await write(evmB, mintBridge.bridge, collateralTokenBridgeAbi, 'pause', [])
    const before = await sentCount(client.chain('evm-b'))
    const transfer = () =>
      transferToken(client, { origin: 'evm-b', destination: 'evm-a', recipient: me, amount: 1n })
    const error = await transfer().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TokenBridgePausedError)
    expect((error as TokenBridgePausedError).retryable).toBe(true)
    expect(await sentCount(client.chain('evm-b'))).toBe(before)
    await write(evmB, mintBridge.bridge, collateralTokenBridgeAbi, 'unpause', [])
    expect((await transfer()).amountReceived).toBe(10n ** 12n)
  })
})

describe('recipients', () => {
  test('an ERC-7930 address on another chain is refused before anything is sent', async () => {
    for (const recipient of [
      interop(me, evmChainInterop(1)),
      interop(me, cosmWasmChainInterop('ferry-wasm-1')),
    ]) {
      const error = await transferToken(client, {
        origin: 'evm-a',
        destination: 'evm-b',
        recipient,
        amount: E18,
      }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(RecipientChainMismatchError)
      expect((error as RecipientChainMismatchError).destinationChain).toContain('eip155:31337')
    }
  })

  test('a malformed ERC-7930 address is an invalid recipient', async () => {
    await expect(
      transferToken(client, {
        origin: 'evm-a',
        destination: 'evm-b',
        recipient: `${interop(me)}00`,
        amount: E18,
      }),
    ).rejects.toThrow(expect.objectContaining({ name: 'InvalidRecipientError' }))
  })
})
