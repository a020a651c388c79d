// Atomic swaps between an EVM chain's native token and a CosmWasm chain's native denom with the
// HTLCs of spec/apps/htlc.md (the Solidity HashedTimelock on EDR, the AssemblyScript HTLC in the
// embedded VM), both directions: the participant's lock prepays the relay, the initiator's claim
// carries the secret through Ferry to the other chain, whose handler claims for the participant.
// Then with the relayer stopped: the participant claims by hand with the preimage from the other
// chain, and the late message is a no-op; and refunds after the timelocks on both sides.
import { readFileSync } from 'node:fs'
import { DENOM, eventsOf, OWNER, USER, wasmPath } from '@ferry/cosmwasm-bindings/harness'
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
  type Address,
  type Hex,
  keccak256,
  parseEventLogs,
  stringToHex,
  type TransactionReceipt,
  zeroAddress,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { hardhat } from 'viem/chains'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  COSMWASM_DOMAIN,
  DEPLOYER,
  EVM_DOMAIN,
  type EvmCosmwasmWorld,
  startEvmCosmwasmWorld,
} from './evmCosmwasmWorld.ts'

/** Alice: EVM DEPLOYER and CosmWasm USER. Bob: a funded EVM key and a CosmWasm account. */
const BOB_EVM = privateKeyToAccount(keccak256(stringToHex('htlc-swap/bob')))
const BOB_WASM = 'wasm1wzvhjux9rqfdcwspp37srdgwp5tac7wgp2wckd'
const ALICE_WASM = USER
const ETH = 10n ** 18n
const STAKE = 5_000_000n
/** Handler gas of a claim message, on either kind. */
const CLAIM_GAS = 200_000
/** The CosmWasm chain's clock, ahead of the wall clock (the simulator never goes back past it). */
const WASM_NOW = Math.floor(Date.now() / 1000) + 1_000_000

describe('atomic swap, EVM native token ↔ CosmWasm native denom', () => {
  let world: EvmCosmwasmWorld
  let evmHtlc: Address
  let wasmHtlc: string

  beforeEach(async () => {
    world = await startEvmCosmwasmWorld()
    const { chain, cosmwasm, evm } = world
    chain.setTime(WASM_NOW)
    evmHtlc = await world.deploy(hashedTimelockAbi, hashedTimelockBytecode, [
      evm.endpoint,
      DEPLOYER.address,
    ])
    const code = chain.app.wasm.storeCode(OWNER, readFileSync(wasmPath('htlc'))).unwrap()
    wasmHtlc = await chain.instantiate(code, { endpoint: cosmwasm.endpoint }, 'htlc')
    await world.write({
      address: evmHtlc,
      abi: hashedTimelockAbi,
      functionName: 'setPeer',
      args: [COSMWASM_DOMAIN, bech32ToBytes32(wasmHtlc)],
      account: DEPLOYER,
      chain: hardhat,
    })
    await chain.must(OWNER, wasmHtlc, {
      set_peer: { domain: EVM_DOMAIN, peer: evmAddressToBytes32(evmHtlc) },
    })
    await evm.testClient.setBalance({ address: BOB_EVM.address, value: 10n * ETH })
    chain.fund(ALICE_WASM, 100_000_000n)
    chain.fund(BOB_WASM, 100_000_000n)
  })

  const evmNow = async () => (await world.evm.client.getBlock()).timestamp
  const evmBalance = (address: Address) => world.evm.client.getBalance({ address })
  const evmLockState = async (id: Hex) =>
    (
      await world.evm.client.readContract({
        address: evmHtlc,
        abi: hashedTimelockAbi,
        functionName: 'lockOf',
        args: [id],
      })
    ).state
  const wasmLockState = (id: Hex) =>
    world.chain.query<{ state: number }>(wasmHtlc, { lock: { id } }).state
  const evmEvents = (receipt: TransactionReceipt, eventName: 'Locked' | 'Claimed') =>
    parseEventLogs({ abi: hashedTimelockAbi, eventName, logs: receipt.logs })

  /** Locks ETH on EVM from `from`; with a relay, prepays exactly the quote. */
  async function lockOnEvm(
    from: typeof DEPLOYER,
    recipient: Address,
    hashlock: Hex,
    expiresIn: bigint,
    peerLockId?: Hex,
  ) {
    const timelock = (await evmNow()) + expiresIn
    const fee = peerLockId
      ? await world.evm.client.readContract({
          address: evmHtlc,
          abi: hashedTimelockAbi,
          functionName: 'quote',
          args: [COSMWASM_DOMAIN, 65n, CLAIM_GAS, 0],
        })
      : 0n
    // Payable calls go through the wallet itself: `world.write` takes any ABI, so no `value`.
    const hash = peerLockId
      ? await world.evm.wallet.writeContract({
          address: evmHtlc,
          abi: hashedTimelockAbi,
          functionName: 'lockWithRelay',
          args: [
            recipient,
            hashlock,
            timelock,
            zeroAddress,
            ETH,
            { domain: COSMWASM_DOMAIN, gasLimit: CLAIM_GAS, peerLockId },
          ],
          value: ETH + fee,
          account: from,
          chain: hardhat,
        })
      : await world.evm.wallet.writeContract({
          address: evmHtlc,
          abi: hashedTimelockAbi,
          functionName: 'lock',
          args: [recipient, hashlock, timelock, zeroAddress, ETH],
          value: ETH,
          account: from,
          chain: hardhat,
        })
    const receipt = await world.evm.client.waitForTransactionReceipt({ hash })
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
    const timelock = WASM_NOW + expiresIn
    const out = await world.execute(
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
                relay: { domain: EVM_DOMAIN, gas_limit: CLAIM_GAS, peer_lock_id: peerLockId },
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
    const onEvm = await lockOnEvm(DEPLOYER, BOB_EVM.address, hashlock, 7_200n)
    // 2. Bob locks stake on CosmWasm for Alice, 1 hour, relaying the preimage to Alice's lock.
    const onWasm = await lockOnWasm(BOB_WASM, ALICE_WASM, hashlock, 3_600, onEvm.id)
    // 3. Alice claims on CosmWasm: she gets the stake; the preimage goes to EVM.
    const aliceStake = world.chain.balance(ALICE_WASM)
    const claim = await world.execute(ALICE_WASM, wasmHtlc, {
      claim: { id: onWasm.id, preimage },
    })
    expect(world.chain.balance(ALICE_WASM)).toBe(aliceStake + STAKE)
    const [sent] = world.cosmwasm.sent
    expect(
      sent?.message.endsWith(encodeHtlcClaimBody({ lockId: onEvm.id, preimage }).slice(2)),
    ).toBe(true)
    expect(eventsOf(claim, 'htlc_preimage_relayed')).toMatchObject([{ message_id: sent?.id }])
    // 4. Ferry delivers it on EVM: Bob gets the ETH without sending a transaction.
    const bobEth = await evmBalance(BOB_EVM.address)
    const receipt = await world.relayToEvm([sent?.message ?? '0x'])
    expect(await evmBalance(BOB_EVM.address)).toBe(bobEth + ETH)
    expect(await evmLockState(onEvm.id)).toBe(2)
    const [handled] = parseEventLogs({
      abi: hashedTimelockAbi,
      eventName: 'ClaimMessageHandled',
      logs: receipt.logs,
    })
    expect(handled?.args).toMatchObject({
      origin: COSMWASM_DOMAIN,
      id: onEvm.id,
      outcome: HtlcClaimOutcome.Claimed,
    })
  })

  it('Bob (CosmWasm) swaps stake for Alice’s ETH: her claim on EVM claims his stake lock for her through Ferry', async () => {
    const { preimage, hashlock } = secret('wasm-initiator')
    // Bob initiates on CosmWasm (2 hours); Alice participates on EVM (1 hour) with a relay.
    const onWasm = await lockOnWasm(BOB_WASM, ALICE_WASM, hashlock, 7_200)
    const onEvm = await lockOnEvm(DEPLOYER, BOB_EVM.address, hashlock, 3_600n, onWasm.id)
    // Bob claims Alice's ETH on EVM; the preimage goes to CosmWasm.
    const claim = await world.write({
      address: evmHtlc,
      abi: hashedTimelockAbi,
      functionName: 'claim',
      args: [onEvm.id, preimage],
      account: BOB_EVM,
      chain: hardhat,
    })
    const [relayed] = parseEventLogs({
      abi: hashedTimelockAbi,
      eventName: 'PreimageRelayed',
      logs: claim.logs,
    })
    expect(relayed?.args).toMatchObject({ id: onEvm.id, peerLockId: onWasm.id })
    const sent = await getSentMessages(world.evm.client, { endpoint: world.evm.endpoint })
    expect(sent.map((m) => m.id)).toEqual([relayed?.args.messageId])
    // Ferry delivers it on CosmWasm: Alice gets the stake.
    const aliceStake = world.chain.balance(ALICE_WASM)
    const delivered = await world.relayToCosmwasm(relayed?.args.messageId ?? '0x')
    expect(eventsOf(delivered, 'ferry_message_delivered')).toMatchObject([
      { status: String(MessageStatus.Executed), result: '0x00' },
    ])
    expect(world.chain.balance(ALICE_WASM)).toBe(aliceStake + STAKE)
    expect(wasmLockState(onWasm.id)).toBe(2)
  })

  it('with the relayer stopped, Bob claims by hand on EVM with the preimage from CosmWasm; the late message is a no-op', async () => {
    const { preimage, hashlock } = secret('by-hand')
    const onEvm = await lockOnEvm(DEPLOYER, BOB_EVM.address, hashlock, 7_200n)
    const onWasm = await lockOnWasm(BOB_WASM, ALICE_WASM, hashlock, 3_600, onEvm.id)
    const claim = await world.execute(ALICE_WASM, wasmHtlc, {
      claim: { id: onWasm.id, preimage },
    })
    // Bob reads the secret from the CosmWasm chain's event and claims on EVM himself.
    const [claimed] = eventsOf(claim, 'htlc_claimed')
    // CAST: the HTLC emits the preimage as 0x-prefixed hex.
    const revealed = claimed?.preimage as Hex
    expect(revealed).toBe(preimage)
    await world.write({
      address: evmHtlc,
      abi: hashedTimelockAbi,
      functionName: 'claim',
      args: [onEvm.id, revealed],
      account: BOB_EVM,
      chain: hardhat,
    })
    expect(await evmLockState(onEvm.id)).toBe(2)
    // The relayer comes back: the message is Executed and does nothing.
    const receipt = await world.relayToEvm([world.cosmwasm.sent[0]?.message ?? '0x'])
    const [handled] = parseEventLogs({
      abi: hashedTimelockAbi,
      eventName: 'ClaimMessageHandled',
      logs: receipt.logs,
    })
    expect(handled?.args.outcome).toBe(HtlcClaimOutcome.NotOpen)
  })

  it('nobody claims: both refund after their timelocks', async () => {
    const { hashlock } = secret('refund')
    const onEvm = await lockOnEvm(DEPLOYER, BOB_EVM.address, hashlock, 7_200n)
    const onWasm = await lockOnWasm(BOB_WASM, ALICE_WASM, hashlock, 3_600, onEvm.id)
    world.chain.setTime(onWasm.timelock)
    const bobStake = world.chain.balance(BOB_WASM)
    await world.execute(OWNER, wasmHtlc, { refund: { id: onWasm.id } })
    expect(world.chain.balance(BOB_WASM)).toBe(bobStake + STAKE)
    expect(wasmLockState(onWasm.id)).toBe(3)

    await world.evm.testClient.setNextBlockTimestamp({ timestamp: onEvm.timelock })
    const aliceEth = await evmBalance(DEPLOYER.address)
    const refund = await world.write({
      address: evmHtlc,
      abi: hashedTimelockAbi,
      functionName: 'refund',
      args: [onEvm.id],
      account: BOB_EVM,
      chain: hardhat,
    })
    expect(refund.status).toBe('success')
    expect(await evmBalance(DEPLOYER.address)).toBe(aliceEth + ETH)
    expect(await evmLockState(onEvm.id)).toBe(3)
  })
})
