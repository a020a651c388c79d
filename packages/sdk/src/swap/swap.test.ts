// The swap actions over the sdk's test world (two EVM endpoints on one `hardhat node` and an
// embedded CosmWasm chain) with a HashedTimelock on each chain: proposeSwap's terms locked on
// both sides, the initiator's claim carrying the secret through Ferry (the test's `relay`) to the
// other chain, watchSwap following both legs, and every refusal named before anything is signed.
import { ozTestTokenAbi, ozTestTokenBytecode } from '@ferry/evm-contracts'
import { HtlcPreimageLengthError, MessageStatus } from '@ferry/protocol'
import { TEST_COSMWASM_ACCOUNTS } from '@ferry/testkit'
import { type Address, createTestClient, type Hex, http, toHex } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createFerryClient } from '../client/createFerryClient.js'
import { AllowanceTooLowError } from '../errors/AllowanceTooLowError.js'
import { NoHtlcError } from '../errors/NoHtlcError.js'
import { SwapLockExpiredError } from '../errors/SwapLockExpiredError.js'
import { SwapLockNotOpenError } from '../errors/SwapLockNotOpenError.js'
import { SwapRefundNotOpenError } from '../errors/SwapRefundNotOpenError.js'
import { UnsafeSwapTimelocksError } from '../errors/UnsafeSwapTimelocksError.js'
import { WrongSwapPreimageError } from '../errors/WrongSwapPreimageError.js'
import { startWorld, type World } from '../test/world.js'
import { claimSwap, type SwapClaimWarning } from './claimSwap.js'
import { lockSwap } from './lockSwap.js'
import { proposeSwap } from './proposeSwap.js'
import { refundSwap } from './refundSwap.js'
import { type SwapState, watchSwap } from './watchSwap.js'

let world: World
let client: World['client']
beforeAll(async () => {
  world = await startWorld({ htlc: true })
  client = world.client
})
afterAll(() => world?.stop())

/** Recipients with no other role, so their balances say what the swap paid them. */
const ALICE = privateKeyToAddress(`0x${'a1'.repeat(32)}`)
const BOB = privateKeyToAddress(`0x${'b0'.repeat(32)}`)
const ETH = 10n ** 18n

const blockTime = async (chain: World['evmA']) => (await chain.client.getBlock()).timestamp
/** Moves the hardhat node's clock (both EVM chains share it) and mines a block. */
async function advanceEvm(seconds: bigint) {
  const test = createTestClient({ mode: 'hardhat', transport: http(world.evmA.rpcUrl) })
  await test.increaseTime({ seconds: Number(seconds) })
  await test.mine({ blocks: 1 })
}

/** Every state watchSwap yields until it ends. */
async function watchAll(
  initiatorLock: { chain: 'evm-a' | 'evm-b' | 'wasm'; lockId: Hex },
  participantLock: { chain: 'evm-a' | 'evm-b' | 'wasm'; lockId: Hex },
) {
  const states: SwapState[] = []
  for await (const state of watchSwap(client, {
    initiatorLock,
    participantLock,
    pollIntervalMs: 20,
  }))
    states.push(state)
  return states
}

describe('proposeSwap', () => {
  test('draws a fresh 32-byte secret and safe timelocks, as JSON-safe terms without the secret', () => {
    const one = proposeSwap(client, {
      initiator: { chain: 'evm-a', amount: ETH },
      participant: { chain: 'wasm', amount: 5_000_000n, token: 'ustake' },
    })
    const two = proposeSwap(client, {
      initiator: { chain: 'evm-a', amount: ETH },
      participant: { chain: 'wasm', amount: 5_000_000n },
    })
    expect(one.secret).toMatch(/^0x[0-9a-f]{64}$/)
    expect(one.secret).not.toBe(two.secret)
    expect(JSON.parse(JSON.stringify(one.terms))).toEqual(one.terms)
    expect(JSON.stringify(one.terms)).not.toContain(one.secret.slice(2))
    // EVM 900 s + CosmWasm 6 s + the 1,800 s margin.
    const gap = BigInt(one.terms.initiator.timelock) - BigInt(one.terms.participant.timelock)
    expect(gap).toBe(2_706n)
    expect(one.terms).toMatchObject({
      version: 1,
      initiator: { domain: 31337, chain: 'evm-a', amount: ETH.toString() },
      participant: { domain: 7001, chain: 'wasm', amount: '5000000', token: 'ustake' },
    })
  })

  test('refuses an unsafe timelock pair before anything is locked', () => {
    const participant = 2_000_000_000n
    expect(() =>
      proposeSwap(client, {
        initiator: { chain: 'evm-a', amount: 1n },
        participant: { chain: 'evm-b', amount: 1n, finality: 60 },
        timelocks: { initiator: participant + 2_759n, participant },
      }),
    ).toThrow(UnsafeSwapTimelocksError) // 900 + 60 + 1,800 = 2,760 s needed
  })
})

describe('EVM ↔ EVM', () => {
  test('the initiator’s claim carries the secret through Ferry to the other chain', async () => {
    const { secret, terms } = proposeSwap(client, {
      initiator: { chain: 'evm-a', amount: ETH },
      participant: { chain: 'evm-b', amount: 2n * ETH },
      timelocks: {
        participant: (await blockTime(world.evmA)) + 3_600n,
        initiator: (await blockTime(world.evmA)) + 7_200n,
      },
    })
    // Alice locks on evm-a for Bob; Bob locks on evm-b for Alice, prepaying the relay.
    const alices = await lockSwap(client, {
      chain: 'evm-a',
      recipient: BOB,
      hashlock: terms.hashlock,
      timelock: BigInt(terms.initiator.timelock),
      amount: BigInt(terms.initiator.amount),
    })
    const bobs = await lockSwap(client, {
      chain: 'evm-b',
      recipient: ALICE,
      hashlock: terms.hashlock,
      timelock: BigInt(terms.participant.timelock),
      amount: BigInt(terms.participant.amount),
      relay: { chain: 'evm-a', lockId: alices.lockId },
    })
    expect(bobs.relayFee).toBeGreaterThan(0n)
    const initiatorLock = { chain: 'evm-a', lockId: alices.lockId } as const
    const participantLock = { chain: 'evm-b', lockId: bobs.lockId } as const

    const watch = watchSwap(client, { initiatorLock, participantLock, pollIntervalMs: 20 })
    expect((await watch.next()).value).toEqual({
      initiator: { type: 'locked', timelock: BigInt(terms.initiator.timelock) },
      participant: { type: 'locked', timelock: BigInt(terms.participant.timelock) },
    })

    const warnings: SwapClaimWarning[] = []
    await claimSwap(client, {
      chain: 'evm-b',
      lockId: bobs.lockId,
      preimage: secret,
      onWarning: (warning) => void warnings.push(warning),
    })
    expect(warnings).toEqual([]) // an hour left, finality 900 s
    expect(await world.evmB.client.getBalance({ address: ALICE })).toBe(2n * ETH)

    const relayed = await world.relay(world.client.chain('evm-b'), world.client.chain('evm-a'))
    expect(relayed.map(({ status }) => status)).toEqual([MessageStatus.Executed])
    expect(await world.evmA.client.getBalance({ address: BOB })).toBe(ETH)
    // The watch started before the claims sees the swap settle, and ends.
    const seen: SwapState[] = []
    for await (const state of watch) seen.push(state)
    expect(seen.at(-1)).toEqual({
      initiator: { type: 'claimed', preimage: secret },
      participant: { type: 'claimed', preimage: secret },
    })
    expect(await watchAll(initiatorLock, participantLock)).toEqual([
      {
        initiator: { type: 'claimed', preimage: secret },
        participant: { type: 'claimed', preimage: secret },
      },
    ])

    // Both legs are final: a second claim or a refund is named, not sent.
    await expect(claimSwap(client, { ...participantLock, preimage: secret })).rejects.toMatchObject(
      { code: 'swap_lock_not_open', state: 'claimed' },
    )
    await expect(refundSwap(client, initiatorLock)).rejects.toBeInstanceOf(SwapLockNotOpenError)
  })

  test('refuses a wrong preimage, one of 31 or 33 bytes, and a refund before the timelock', async () => {
    const { secret, terms } = proposeSwap(client, {
      initiator: { chain: 'evm-a', amount: 1n },
      participant: { chain: 'evm-b', amount: 1n },
      timelocks: {
        participant: (await blockTime(world.evmA)) + 600n,
        initiator: (await blockTime(world.evmA)) + 4_200n,
      },
    })
    const { lockId } = await lockSwap(client, {
      chain: 'evm-b',
      recipient: ALICE,
      hashlock: terms.hashlock,
      timelock: BigInt(terms.participant.timelock),
      amount: 1n,
    })
    const wrong = toHex(crypto.getRandomValues(new Uint8Array(32)))
    await expect(
      claimSwap(client, { chain: 'evm-b', lockId, preimage: wrong }),
    ).rejects.toMatchObject({ code: 'wrong_swap_preimage', hashlock: terms.hashlock })
    await expect(
      claimSwap(client, { chain: 'evm-b', lockId, preimage: wrong }),
    ).rejects.toBeInstanceOf(WrongSwapPreimageError)
    for (const preimage of [`${secret.slice(0, -2)}` as Hex, `${secret}00` as Hex])
      await expect(claimSwap(client, { chain: 'evm-b', lockId, preimage })).rejects.toBeInstanceOf(
        HtlcPreimageLengthError,
      )
    const early = await refundSwap(client, { chain: 'evm-b', lockId }).catch((error) => error)
    expect(early).toBeInstanceOf(SwapRefundNotOpenError)
    expect(early.recovery).toEqual({
      action: 'wait',
      until: new Date(Number(terms.participant.timelock) * 1000).toISOString(),
    })

    // Ten minutes left and a finality of fifteen: the claim warns, and the warning can stop it.
    await expect(
      claimSwap(client, {
        chain: 'evm-b',
        lockId,
        preimage: secret,
        onWarning: (warning) => {
          throw new Error(warning.code)
        },
      }),
    ).rejects.toThrow('claim_near_refund_window')
    expect(
      await watchSwap(client, {
        initiatorLock: { chain: 'evm-a', lockId: `0x${'00'.repeat(32)}` },
        participantLock: { chain: 'evm-b', lockId },
      }).next(),
    ).toMatchObject({ value: { initiator: { type: 'pending' }, participant: { type: 'locked' } } })
  })

  test('after the timelock: a claim is refused, the refund pays the locker back', async () => {
    const { secret, terms } = proposeSwap(client, {
      initiator: { chain: 'evm-a', amount: 1n },
      participant: { chain: 'evm-b', amount: 1n },
    })
    const { lockId } = await lockSwap(client, {
      chain: 'evm-b',
      recipient: ALICE,
      hashlock: terms.hashlock,
      timelock: BigInt(terms.participant.timelock),
      amount: 3n,
    })
    await advanceEvm(BigInt(terms.participant.timelock) - (await blockTime(world.evmB)))
    await expect(
      claimSwap(client, { chain: 'evm-b', lockId, preimage: secret }),
    ).rejects.toBeInstanceOf(SwapLockExpiredError)
    const { transactionHash } = await refundSwap(client, { chain: 'evm-b', lockId })
    const receipt = await world.evmB.client.getTransactionReceipt({ hash: transactionHash })
    expect(receipt.status).toBe('success')
    expect(
      await watchSwap(client, {
        initiatorLock: { chain: 'evm-b', lockId },
        participantLock: { chain: 'evm-b', lockId },
      }).next(),
    ).toMatchObject({ value: { initiator: { type: 'refunded' } } })
  })
})

describe('ERC-20 locks', () => {
  test('names a missing approval, then locks and pays the recipient in the token', async () => {
    const { evmA } = world
    const account = evmA.wallet.account
    if (account === undefined) throw new Error('the world’s wallets have an account')
    const write = async (
      address: Address,
      functionName: 'mint' | 'approve',
      args: [Address, bigint],
    ) =>
      evmA.client.waitForTransactionReceipt({
        hash: await evmA.wallet.writeContract({
          address,
          abi: ozTestTokenAbi,
          functionName,
          args,
          account,
          chain: evmA.wallet.chain,
        }),
      })
    const deployed = await evmA.client.waitForTransactionReceipt({
      hash: await evmA.wallet.deployContract({
        abi: ozTestTokenAbi,
        bytecode: ozTestTokenBytecode,
        account,
        chain: evmA.wallet.chain,
      }),
    })
    const token = deployed.contractAddress
    if (!token) throw new Error('OzTestToken not deployed')
    await write(token, 'mint', [account.address, 1_000n])
    const { secret, terms } = proposeSwap(client, {
      initiator: { chain: 'evm-a', amount: 700n, token },
      participant: { chain: 'evm-b', amount: 1n },
      timelocks: {
        participant: (await blockTime(evmA)) + 3_600n,
        initiator: (await blockTime(evmA)) + 7_200n,
      },
    })
    const lock = {
      chain: 'evm-a',
      recipient: BOB,
      hashlock: terms.hashlock,
      timelock: BigInt(terms.initiator.timelock),
      amount: 700n,
      token,
    } as const
    const refused = await lockSwap(client, lock).catch((error) => error)
    expect(refused).toBeInstanceOf(AllowanceTooLowError)
    expect(refused).toMatchObject({
      token,
      spender: client.chain('evm-a').htlc,
      allowance: 0n,
      needed: 700n,
    })

    await write(token, 'approve', [refused.spender, 700n])
    const { lockId } = await lockSwap(client, lock)
    await claimSwap(client, { chain: 'evm-a', lockId, preimage: secret })
    const balanceOf = (address: Address) =>
      evmA.client.readContract({
        address: token,
        abi: ozTestTokenAbi,
        functionName: 'balanceOf',
        args: [address],
      })
    expect(await balanceOf(BOB)).toBe(700n)
    expect(await balanceOf(account.address)).toBe(300n)
  })

  test('a chain without an HTLC is named', async () => {
    const noHtlcs = createFerryClient({
      chains: world.client.chains.map((chain) => ({ ...chain, htlc: undefined })),
    })
    await expect(
      lockSwap(noHtlcs, {
        chain: 'evm-a',
        recipient: BOB,
        hashlock: `0x${'11'.repeat(32)}`,
        timelock: 1n,
        amount: 1n,
      }),
    ).rejects.toBeInstanceOf(NoHtlcError)
    await expect(
      refundSwap(noHtlcs, { chain: 'wasm', lockId: `0x${'11'.repeat(32)}` }),
    ).rejects.toMatchObject({ code: 'no_htlc', chain: 'wasm', action: 'refundSwap' })
  })
})

describe('EVM ↔ CosmWasm', () => {
  test('EVM native token for the CosmWasm denom, the secret carried from CosmWasm to EVM', async () => {
    const wasmHead = await client.reader(client.chain('wasm')).getHead()
    const { secret, terms } = proposeSwap(client, {
      initiator: { chain: 'evm-a', amount: ETH },
      participant: { chain: 'wasm', amount: 5_000_000n },
      timelocks: {
        participant: wasmHead.timestamp + 3_600n,
        initiator: (await blockTime(world.evmA)) + 3_600n + 3_600n,
      },
    })
    const alices = await lockSwap(client, {
      chain: 'evm-a',
      recipient: BOB,
      hashlock: terms.hashlock,
      timelock: BigInt(terms.initiator.timelock),
      amount: ETH,
    })
    // The world's CosmWasm signer is the test user; Alice's account there is the owner's.
    const bobs = await lockSwap(client, {
      chain: 'wasm',
      recipient: TEST_COSMWASM_ACCOUNTS.owner,
      hashlock: terms.hashlock,
      timelock: BigInt(terms.participant.timelock),
      amount: 5_000_000n,
      relay: { chain: 'evm-a', lockId: alices.lockId },
    })
    expect(bobs.relayFee).toBeGreaterThan(0n)
    const before = world.embedded.getBalance(TEST_COSMWASM_ACCOUNTS.owner, 'ustake')
    await claimSwap(client, { chain: 'wasm', lockId: bobs.lockId, preimage: secret })
    expect(world.embedded.getBalance(TEST_COSMWASM_ACCOUNTS.owner, 'ustake') - before).toBe(
      5_000_000n,
    )
    const bobBefore = await world.evmA.client.getBalance({ address: BOB })
    const relayed = await world.relay(world.client.chain('wasm'), world.client.chain('evm-a'))
    expect(relayed.map(({ status }) => status)).toEqual([MessageStatus.Executed])
    expect((await world.evmA.client.getBalance({ address: BOB })) - bobBefore).toBe(ETH)
    expect(
      await watchAll(
        { chain: 'evm-a', lockId: alices.lockId },
        { chain: 'wasm', lockId: bobs.lockId },
      ),
    ).toEqual([
      {
        initiator: { type: 'claimed', preimage: secret },
        participant: { type: 'claimed', preimage: secret },
      },
    ])
    await expect(refundSwap(client, { chain: 'wasm', lockId: bobs.lockId })).rejects.toMatchObject({
      code: 'swap_lock_not_open',
      state: 'claimed',
    })
  })

  test('on CosmWasm: a wrong preimage and an early refund are named, the refund pays back later', async () => {
    const wasmHead = await client.reader(client.chain('wasm')).getHead()
    const { secret, terms } = proposeSwap(client, {
      initiator: { chain: 'evm-a', amount: 1n },
      participant: { chain: 'wasm', amount: 1_000n },
      timelocks: { participant: wasmHead.timestamp + 600n, initiator: wasmHead.timestamp + 4_000n },
    })
    const { lockId } = await lockSwap(client, {
      chain: 'wasm',
      recipient: TEST_COSMWASM_ACCOUNTS.owner,
      hashlock: terms.hashlock,
      timelock: BigInt(terms.participant.timelock),
      amount: 1_000n,
      token: 'ustake',
    })
    await expect(
      claimSwap(client, { chain: 'wasm', lockId, preimage: `0x${'22'.repeat(32)}` }),
    ).rejects.toBeInstanceOf(WrongSwapPreimageError)
    await expect(
      claimSwap(client, { chain: 'wasm', lockId, preimage: `0x${'22'.repeat(33)}` }),
    ).rejects.toBeInstanceOf(HtlcPreimageLengthError)
    await expect(refundSwap(client, { chain: 'wasm', lockId })).rejects.toBeInstanceOf(
      SwapRefundNotOpenError,
    )
    world.embedded.advance({ seconds: 600 })
    await expect(
      claimSwap(client, { chain: 'wasm', lockId, preimage: secret }),
    ).rejects.toBeInstanceOf(SwapLockExpiredError)
    const user = TEST_COSMWASM_ACCOUNTS.user
    const before = world.embedded.getBalance(user, 'ustake')
    await refundSwap(client, { chain: 'wasm', lockId })
    expect(world.embedded.getBalance(user, 'ustake') - before).toBe(1_000n)
  })
})
