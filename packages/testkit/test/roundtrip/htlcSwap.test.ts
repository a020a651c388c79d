// Atomic swaps between an EVM chain's native token and a CosmWasm chain's native denom with the
// HTLCs of spec/apps/htlc.md (the Solidity HashedTimelock on the kit's EVM test chain, the
// AssemblyScript HTLC on its embedded CosmWasm chain, no fees there), both directions: the
// participant's lock prepays the relay, the initiator's claim carries the secret through Ferry
// (./relayAcrossKinds.ts) to the other chain, whose handler claims for the participant. Then with
// the relayer stopped: the participant claims by hand with the preimage from the other chain, and
// the late message is a no-op; and refunds after the timelocks on both sides.
import type { ExecuteOutcome } from '@ferry/cosmwasm-bindings'
import { hashedTimelockAbi, hashedTimelockBytecode } from '@ferry/evm-contracts'
import { getSentMessages } from '@ferry/evm-contracts/testing'
import {
  bech32ToBytes32,
  encodeHtlcClaimBody,
  evmAddressToBytes32,
  getHtlcHashlock,
  HtlcClaimOutcome,
  MessageStatus,
} from '@ferry/protocol'
import {
  type Account,
  type Address,
  createTestClient,
  type Hex,
  http,
  keccak256,
  parseEventLogs,
  stringToHex,
  type TransactionReceipt,
  zeroAddress,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EvmTestChain } from '../../src/chains/deployEvmTestChain.js'
import type { CosmWasmTestChain } from '../../src/chains/startCosmWasmTestChain.js'
import { TEST_COSMWASM_ACCOUNTS, TEST_COSMWASM_DENOM } from '../../src/keys/testAccounts.js'
import { ZERO_FEES } from '../zeroFees.js'
import { cosmWasmSentMessages, relayToCosmWasm, relayToEvm } from './relayAcrossKinds.js'
import { type EvmCosmWasmPair, startEvmCosmWasmPair } from './startEvmCosmWasmPair.js'

/** Alice: the EVM deployer and the CosmWasm user. Bob: a funded EVM key and a CosmWasm account. */
const BOB_EVM = privateKeyToAccount(keccak256(stringToHex('htlc-swap/bob')))
const BOB_WASM = 'wasm1wzvhjux9rqfdcwspp37srdgwp5tac7wgp2wckd'
const { owner: OWNER, user: ALICE_WASM } = TEST_COSMWASM_ACCOUNTS
const DENOM = TEST_COSMWASM_DENOM
const ETH = 10n ** 18n
const STAKE = 5_000_000n
/** Handler gas of a claim message, on either kind. */
const CLAIM_GAS = 200_000

/** The attributes of each of the contracts' `type` events in a CosmWasm transaction. */
const eventsOf = (out: ExecuteOutcome, type: string): Record<string, string>[] =>
  out.events
    .filter((event) => event.type === `wasm-${type}`)
    .map((event) => Object.fromEntries(event.attributes.map(({ key, value }) => [key, value])))

describe('atomic swap, EVM native token ↔ CosmWasm native denom', () => {
  let pair: EvmCosmWasmPair
  let evm: EvmTestChain
  let wasm: CosmWasmTestChain
  let alice: Account
  let evmHtlc: Address
  let wasmHtlc: string

  /** Waits for the transaction and checks that it succeeded. */
  async function mined(hash: Promise<Hex>): Promise<TransactionReceipt> {
    const receipt = await evm.client.waitForTransactionReceipt({ hash: await hash })
    expect(receipt.status).toBe('success')
    return receipt
  }
  /** The embedded CosmWasm chain: its clock and bank. */
  const chain = () => {
    if (wasm.node.type !== 'embedded') throw new Error('an embedded chain')
    return wasm.node.chain
  }
  /** Hardhat's balances and clock. */
  const testClient = () =>
    createTestClient({ chain: evm.wallet.chain, mode: 'hardhat', transport: http(evm.rpcUrl) })

  beforeEach(async () => {
    pair = await startEvmCosmWasmPair({ cosmwasmFees: ZERO_FEES })
    ;({ evm, wasm } = pair)
    if (!evm.wallet.account) throw new Error('the deployer wallet has an account')
    alice = evm.wallet.account
    const deployed = await mined(
      evm.wallet.deployContract({
        abi: hashedTimelockAbi,
        bytecode: hashedTimelockBytecode,
        args: [evm.endpoint, alice.address],
        account: alice,
        chain: evm.wallet.chain,
      }),
    )
    evmHtlc = deployed.contractAddress ?? zeroAddress
    wasmHtlc = await pair.instantiateCosmWasmApp('htlc')
    await mined(
      evm.wallet.writeContract({
        address: evmHtlc,
        abi: hashedTimelockAbi,
        functionName: 'setPeer',
        args: [wasm.domain, bech32ToBytes32(wasmHtlc)],
        account: alice,
        chain: evm.wallet.chain,
      }),
    )
    await wasm.executor.execute(OWNER, wasmHtlc, {
      set_peer: { domain: evm.domain, peer: evmAddressToBytes32(evmHtlc) },
    })
    await testClient().setBalance({ address: BOB_EVM.address, value: 10n * ETH })
    chain().setBalance(BOB_WASM, [{ denom: DENOM, amount: '100000000' }])
  })
  afterEach(async () => {
    await pair?.stop()
  })

  const evmNow = async () => (await evm.client.getBlock()).timestamp
  const evmBalance = (address: Address) => evm.client.getBalance({ address })
  const evmLockState = async (id: Hex) =>
    (
      await evm.client.readContract({
        address: evmHtlc,
        abi: hashedTimelockAbi,
        functionName: 'lockOf',
        args: [id],
      })
    ).state
  const wasmLockState = async (id: Hex) =>
    // CAST: the HTLC's `lock` query answers {"state": u8, …}.
    ((await wasm.executor.query(wasmHtlc, { lock: { id } })) as { state: number }).state
  const evmEvents = (receipt: TransactionReceipt, eventName: 'Locked' | 'Claimed') =>
    parseEventLogs({ abi: hashedTimelockAbi, eventName, logs: receipt.logs })

  /** Locks ETH on EVM from `from`; with a relay, prepays exactly the quote. */
  async function lockOnEvm(
    from: Account,
    recipient: Address,
    hashlock: Hex,
    expiresIn: bigint,
    peerLockId?: Hex,
  ) {
    const timelock = (await evmNow()) + expiresIn
    const fee = peerLockId
      ? await evm.client.readContract({
          address: evmHtlc,
          abi: hashedTimelockAbi,
          functionName: 'quote',
          args: [wasm.domain, 65n, CLAIM_GAS, 0],
        })
      : 0n
    const receipt = await mined(
      peerLockId
        ? evm.wallet.writeContract({
            address: evmHtlc,
            abi: hashedTimelockAbi,
            functionName: 'lockWithRelay',
            args: [
              recipient,
              hashlock,
              timelock,
              zeroAddress,
              ETH,
              { domain: wasm.domain, gasLimit: CLAIM_GAS, peerLockId },
            ],
            value: ETH + fee,
            account: from,
            chain: evm.wallet.chain,
          })
        : evm.wallet.writeContract({
            address: evmHtlc,
            abi: hashedTimelockAbi,
            functionName: 'lock',
            args: [recipient, hashlock, timelock, zeroAddress, ETH],
            value: ETH,
            account: from,
            chain: evm.wallet.chain,
          }),
    )
    const [locked] = evmEvents(receipt, 'Locked')
    if (!locked) throw new Error('no Locked event')
    return { id: locked.args.id, timelock }
  }

  /** Locks the denom on CosmWasm from `from` (no fees on this chain: the relay costs 0). */
  async function lockOnWasm(
    from: string,
    recipient: string,
    hashlock: Hex,
    expiresIn: number,
    peerLockId?: Hex,
  ) {
    const timelock = chain().time + expiresIn
    const out = await wasm.executor.execute(
      from,
      wasmHtlc,
      {
        lock: {
          recipient,
          hashlock,
          timelock: String(timelock),
          denom: DENOM,
          amount: STAKE.toString(),
          ...(peerLockId
            ? {
                relay: { domain: evm.domain, gas_limit: CLAIM_GAS, peer_lock_id: peerLockId },
              }
            : {}),
        },
      },
      [{ denom: DENOM, amount: STAKE.toString() }],
    )
    const [locked] = eventsOf(out, 'htlc_locked')
    // CAST: the HTLC emits ids as 0x-prefixed hex.
    return { id: locked?.id as Hex, timelock }
  }

  const secret = (salt: string) => {
    const preimage = keccak256(stringToHex(`swap/${salt}`))
    return { preimage, hashlock: getHtlcHashlock(preimage) }
  }

  it('Alice (EVM) swaps ETH for Bob’s stake: her claim on CosmWasm claims her ETH lock for Bob through Ferry', async () => {
    const { preimage, hashlock } = secret('evm-initiator')
    // 1. Alice locks 1 ETH on EVM for Bob, 2 hours.
    const onEvm = await lockOnEvm(alice, BOB_EVM.address, hashlock, 7_200n)
    // 2. Bob locks stake on CosmWasm for Alice, 1 hour, relaying the preimage to Alice's lock.
    const onWasm = await lockOnWasm(BOB_WASM, ALICE_WASM, hashlock, 3_600, onEvm.id)
    // 3. Alice claims on CosmWasm: she gets the stake; the preimage goes to EVM.
    const aliceStake = chain().getBalance(ALICE_WASM, DENOM)
    const claim = await wasm.executor.execute(ALICE_WASM, wasmHtlc, {
      claim: { id: onWasm.id, preimage },
    })
    expect(chain().getBalance(ALICE_WASM, DENOM)).toBe(aliceStake + STAKE)
    const [sent] = cosmWasmSentMessages(wasm)
    expect(
      sent?.message.endsWith(encodeHtlcClaimBody({ lockId: onEvm.id, preimage }).slice(2)),
    ).toBe(true)
    expect(eventsOf(claim, 'htlc_preimage_relayed')).toMatchObject([{ message_id: sent?.id }])
    // 4. Ferry delivers it on EVM: Bob gets the ETH without sending a transaction.
    const bobEth = await evmBalance(BOB_EVM.address)
    const [delivered, ...more] = await relayToEvm(wasm, evm, pair.signers(wasm.domain))
    expect(more).toEqual([])
    expect(delivered).toMatchObject({ id: sent?.id, status: MessageStatus.Executed })
    expect(await evmBalance(BOB_EVM.address)).toBe(bobEth + ETH)
    expect(await evmLockState(onEvm.id)).toBe(2)
    const [handled] = parseEventLogs({
      abi: hashedTimelockAbi,
      eventName: 'ClaimMessageHandled',
      logs: delivered?.receipt.logs ?? [],
    })
    expect(handled?.args).toMatchObject({
      origin: wasm.domain,
      id: onEvm.id,
      outcome: HtlcClaimOutcome.Claimed,
    })
  })

  it('Bob (CosmWasm) swaps stake for Alice’s ETH: her claim on EVM claims his stake lock for her through Ferry', async () => {
    const { preimage, hashlock } = secret('wasm-initiator')
    // Bob initiates on CosmWasm (2 hours); Alice participates on EVM (1 hour) with a relay.
    const onWasm = await lockOnWasm(BOB_WASM, ALICE_WASM, hashlock, 7_200)
    const onEvm = await lockOnEvm(alice, BOB_EVM.address, hashlock, 3_600n, onWasm.id)
    // Bob claims Alice's ETH on EVM; the preimage goes to CosmWasm.
    const claim = await mined(
      evm.wallet.writeContract({
        address: evmHtlc,
        abi: hashedTimelockAbi,
        functionName: 'claim',
        args: [onEvm.id, preimage],
        account: BOB_EVM,
        chain: evm.wallet.chain,
      }),
    )
    const [relayed] = parseEventLogs({
      abi: hashedTimelockAbi,
      eventName: 'PreimageRelayed',
      logs: claim.logs,
    })
    expect(relayed?.args).toMatchObject({ id: onEvm.id, peerLockId: onWasm.id })
    const sent = await getSentMessages(evm.client, { endpoint: evm.endpoint })
    expect(sent.map((m) => m.id)).toEqual([relayed?.args.messageId])
    // Ferry delivers it on CosmWasm: Alice gets the stake.
    const aliceStake = chain().getBalance(ALICE_WASM, DENOM)
    const delivered = await relayToCosmWasm(evm, wasm, pair.signers(evm.domain))
    expect(delivered).toMatchObject([
      { id: relayed?.args.messageId, status: MessageStatus.Executed, result: '0x00' },
    ])
    expect(chain().getBalance(ALICE_WASM, DENOM)).toBe(aliceStake + STAKE)
    expect(await wasmLockState(onWasm.id)).toBe(2)
  })

  it('with the relayer stopped, Bob claims by hand on EVM with the preimage from CosmWasm; the late message is a no-op', async () => {
    const { preimage, hashlock } = secret('by-hand')
    const onEvm = await lockOnEvm(alice, BOB_EVM.address, hashlock, 7_200n)
    const onWasm = await lockOnWasm(BOB_WASM, ALICE_WASM, hashlock, 3_600, onEvm.id)
    const claim = await wasm.executor.execute(ALICE_WASM, wasmHtlc, {
      claim: { id: onWasm.id, preimage },
    })
    // Bob reads the secret from the CosmWasm chain's event and claims on EVM himself.
    const [claimed] = eventsOf(claim, 'htlc_claimed')
    // CAST: the HTLC emits the preimage as 0x-prefixed hex.
    const revealed = claimed?.preimage as Hex
    expect(revealed).toBe(preimage)
    await mined(
      evm.wallet.writeContract({
        address: evmHtlc,
        abi: hashedTimelockAbi,
        functionName: 'claim',
        args: [onEvm.id, revealed],
        account: BOB_EVM,
        chain: evm.wallet.chain,
      }),
    )
    expect(await evmLockState(onEvm.id)).toBe(2)
    // The relayer comes back: the message is Executed and does nothing.
    const [late] = await relayToEvm(wasm, evm, pair.signers(wasm.domain))
    expect(late?.id).toBe(cosmWasmSentMessages(wasm)[0]?.id)
    const [handled] = parseEventLogs({
      abi: hashedTimelockAbi,
      eventName: 'ClaimMessageHandled',
      logs: late?.receipt.logs ?? [],
    })
    expect(handled?.args.outcome).toBe(HtlcClaimOutcome.NotOpen)
  })

  it('nobody claims: both refund after their timelocks', async () => {
    const { hashlock } = secret('refund')
    const onEvm = await lockOnEvm(alice, BOB_EVM.address, hashlock, 7_200n)
    const onWasm = await lockOnWasm(BOB_WASM, ALICE_WASM, hashlock, 3_600, onEvm.id)
    chain().advance({ seconds: onWasm.timelock - chain().time })
    const bobStake = chain().getBalance(BOB_WASM, DENOM)
    await wasm.executor.execute(OWNER, wasmHtlc, { refund: { id: onWasm.id } })
    expect(chain().getBalance(BOB_WASM, DENOM)).toBe(bobStake + STAKE)
    expect(await wasmLockState(onWasm.id)).toBe(3)

    await testClient().setNextBlockTimestamp({ timestamp: onEvm.timelock })
    const aliceEth = await evmBalance(alice.address)
    const refund = await mined(
      evm.wallet.writeContract({
        address: evmHtlc,
        abi: hashedTimelockAbi,
        functionName: 'refund',
        args: [onEvm.id],
        account: BOB_EVM,
        chain: evm.wallet.chain,
      }),
    )
    expect(refund.status).toBe('success')
    expect(await evmBalance(alice.address)).toBe(aliceEth + ETH)
    expect(await evmLockState(onEvm.id)).toBe(3)
  })
})
