import { fromEmbeddedChain } from '@ferry/cosmwasm-bindings'
import { bech32ToBytes32, bytes32ToBech32, evmAddressToBytes32 } from '@ferry/protocol'
import {
  claimSwap,
  createFerryClient,
  defineFerryChain,
  type FerryChain,
  lockSwap,
  proposeSwap,
} from '@ferry/sdk'
import { createCosmWasmEmbeddedSource } from '@ferry/sdk/cosmwasm'
import {
  type CosmWasmTestChain,
  type EvmTestChain,
  HARDHAT_KEYS,
  TEST_COSMWASM_ACCOUNTS,
  TEST_COSMWASM_BECH32_PREFIX,
  TEST_COSMWASM_DENOM,
} from '@ferry/testkit'
import { type Address, createWalletClient, type Hex, http, type PrivateKeyAccount } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import type { DemoMessage, MessageFollower } from './followMessages.js'
import { bankBalance } from './tokens.js'

/**
 * The swap's two devnet users. Alice (the initiator): a funded Hardhat key on evm-a, and on the
 * CosmWasm chain an account of her own that starts empty (the embedded chain charges no gas).
 * Bob (the participant): the CosmWasm test user (funded in the denom), and on evm-a a fresh
 * address that only receives.
 */
const aliceEvm = privateKeyToAccount(HARDHAT_KEYS[4])
export const SWAP_USERS = {
  alice: {
    evm: aliceEvm,
    // The account of her key's 20 bytes: no key is needed to read it, only the embedded chain's
    // executor signs for her.
    wasm: bytes32ToBech32(evmAddressToBytes32(aliceEvm.address), TEST_COSMWASM_BECH32_PREFIX),
  },
  bob: {
    evm: '0x000000000000000000000000000000000000b0b0' as Address,
    wasm: TEST_COSMWASM_ACCOUNTS.user,
  },
} as const

/** Balances of a swap's four ends: native wei on evm-a, the denom on the CosmWasm chain. */
export type SwapBalances = {
  alice: { evm: bigint; wasm: bigint }
  bob: { evm: bigint; wasm: bigint }
}

export type DevnetSwap = {
  /** The secret Alice drew; the message Ferry carried is its reveal. */
  secret: Hex
  amounts: { evm: bigint; wasm: bigint }
  /** What Bob prepaid for Ferry to carry the secret (the denom). */
  relayFee: bigint
  /** What Alice's lock on evm-a cost her in gas (wei). */
  lockGas: bigint
  /** The message carrying the secret from the CosmWasm HTLC to evm-a's, once executed. */
  message: DemoMessage
  before: SwapBalances
  after: SwapBalances
}

/**
 * One atomic swap between the devnet's two users, as the SDK README's "Atomic swaps" walks
 * through it: Alice proposes and locks `amounts.evm` of evm-a's native token for Bob; Bob locks
 * `amounts.wasm` of the denom for Alice on the CosmWasm chain, prepaying a relay to her lock;
 * Alice claims his lock with the secret; Ferry carries the secret to evm-a, whose HTLC claims
 * Alice's lock for Bob in the handler (Bob never claims by hand). Follows that message through
 * the relayer's API and returns the balances before and after.
 *
 * @example
 * const swap = await swapOnDevnet({ evm: evmA, wasm, amounts: { evm: 10n ** 17n, wasm: 5_000_000n }, follow })
 */
export async function swapOnDevnet({
  evm,
  wasm,
  amounts,
  follow,
}: {
  evm: EvmTestChain
  wasm: CosmWasmTestChain
  amounts: { evm: bigint; wasm: bigint }
  follow: MessageFollower
}): Promise<DevnetSwap> {
  const { alice, bob } = SWAP_USERS
  const [evmHtlc, wasmHtlc] = [evm.apps.htlc, wasm.apps.htlc]
  if (evmHtlc === undefined || wasmHtlc === undefined)
    throw new Error('devnet swap: needs HTLCs on evm-a and the CosmWasm chain (`htlc: true`)')
  if (wasm.node.type !== 'embedded') throw new Error('devnet swap: runs on the embedded chain')
  const embedded = wasm.node.chain
  // Each user's own client, with their own signers, as in the README.
  const clientOf = (evmAccount: PrivateKeyAccount | undefined, wasmAddress: string) => {
    const chains: FerryChain[] = [
      defineFerryChain({
        kind: 'evm',
        name: evm.name,
        domain: evm.domain,
        endpoint: evm.endpoint,
        rpcUrls: [evm.rpcUrl],
        htlc: evmHtlc,
        ...(evmAccount && {
          walletClient: createWalletClient({
            account: evmAccount,
            chain: evm.wallet.chain,
            transport: http(evm.rpcUrl),
          }),
        }),
      }),
      defineFerryChain({
        kind: 'cosmwasm',
        name: wasm.name,
        domain: wasm.domain,
        endpoint: wasm.endpoint,
        bech32Prefix: TEST_COSMWASM_BECH32_PREFIX,
        source: createCosmWasmEmbeddedSource({ chain: embedded }),
        executor: fromEmbeddedChain(embedded, wasmAddress),
        htlc: wasmHtlc,
      }),
    ]
    return createFerryClient({ chains })
  }
  const [aliceClient, bobClient] = [clientOf(alice.evm, alice.wasm), clientOf(undefined, bob.wasm)]
  const balances = async (): Promise<SwapBalances> => ({
    alice: {
      evm: await evm.client.getBalance({ address: alice.evm.address }),
      wasm: await bankBalance(wasm, alice.wasm, TEST_COSMWASM_DENOM),
    },
    bob: {
      evm: await evm.client.getBalance({ address: bob.evm }),
      wasm: await bankBalance(wasm, bob.wasm, TEST_COSMWASM_DENOM),
    },
  })
  const before = await balances()

  // 1. Alice proposes: the secret, its hashlock, safe timelocks.
  const { secret, terms } = proposeSwap(aliceClient, {
    initiator: { chain: evm.name, amount: amounts.evm },
    participant: { chain: wasm.name, amount: amounts.wasm },
  })
  // 2. Alice locks on evm-a for Bob.
  const aliceLock = await lockSwap(aliceClient, {
    chain: evm.name,
    recipient: bob.evm,
    hashlock: terms.hashlock,
    timelock: BigInt(terms.initiator.timelock),
    amount: BigInt(terms.initiator.amount),
  })
  const receipt = await evm.client.getTransactionReceipt({
    // CAST: a lock on an EVM chain is an EVM transaction (the client's chains are not literal)
    hash: aliceLock.transactionHash as Hex,
  })
  // 3. Bob locks the denom for Alice, prepaying Ferry to carry the secret to her lock.
  const bobLock = await lockSwap(bobClient, {
    chain: wasm.name,
    recipient: alice.wasm,
    hashlock: terms.hashlock,
    timelock: BigInt(terms.participant.timelock),
    amount: BigInt(terms.participant.amount),
    relay: { chain: evm.name, lockId: aliceLock.lockId },
  })
  // 4. Alice claims Bob's lock: the secret is revealed, and the CosmWasm HTLC sends it to evm-a.
  await claimSwap(aliceClient, {
    chain: wasm.name,
    lockId: bobLock.lockId,
    preimage: secret,
    onWarning: (warning) => {
      throw new Error(warning.message)
    },
  })
  // 5. Ferry delivers it: evm-a's HTLC claims Alice's lock for Bob in the handler.
  const message = await follow.sentBy(wasm.domain, bech32ToBytes32(wasmHtlc))
  return {
    secret,
    amounts,
    relayFee: bobLock.relayFee ?? 0n,
    lockGas: receipt.gasUsed * receipt.effectiveGasPrice,
    message,
    before,
    after: await balances(),
  }
}
