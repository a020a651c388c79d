// Atomic swaps over two endpoints with real proofs (spec/apps/htlc.md §1, §5–6): Alice locks on
// A for Bob, Bob locks on B for Alice prepaying the relay of his lock's preimage to Alice's lock;
// Alice's claim on B carries the secret to A, where the handler claims Alice's lock for Bob. Then
// the messages that find nothing to claim (after the refund, after a claim by hand, after the
// timelock, an unknown lock, a malformed body) are Executed no-ops that hold nothing up, and the
// relay's fee rules: a short fee, a claim by message, a refund, and a claimer starving the send.
import {
  encodeHtlcClaimBody,
  evmAddressToBytes32,
  MessageStatus,
  HtlcClaimOutcome as Outcome,
} from '@ferry/protocol'
import { getAddress, type Hex, toHex } from 'viem'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  CLAIM_GAS_LIMIT,
  deployHtlcWorld,
  type HtlcWorld,
  htlcEvents,
  lock,
  nextBlockAt,
  State,
  secret,
} from '../helpers/htlc.ts'
import { decodeRevert, expectRevert, revertData } from '../helpers/revert.ts'
import {
  DOMAIN_A,
  DOMAIN_B,
  eventsIn,
  gasLimitOf,
  relay,
  sendFrom,
  sentIn,
} from '../helpers/world.ts'

const E18 = 10n ** 18n
/** What Bob prepays on top of the quote: it comes back to him as credit. */
const MARGIN = 12_345n

describe('atomic swap A ↔ B with Ferry carrying the secret', () => {
  let world: HtlcWorld
  let alice: Hex
  let bob: Hex

  beforeEach(async () => {
    world = await deployHtlcWorld()
    alice = getAddress(world.alice.account.address)
    bob = getAddress(world.bob.account.address)
  })

  const balance = (address: Hex) => world.publicClient.getBalance({ address })
  const quote = () => world.htlcB.read.quote([DOMAIN_A, 65n, CLAIM_GAS_LIMIT, 0])

  /**
   * Alice locks 1 on A for Bob (2 hours); Bob locks 2 on B for Alice (1 hour), prepaying the
   * relay to Alice's lock with `fee`.
   */
  async function openSwap(salt = 'swap', fee?: bigint) {
    const { preimage, hashlock } = secret(salt)
    const onA = await lock(world, {
      htlc: world.htlcA,
      from: world.alice,
      recipient: bob,
      hashlock,
      expiresIn: 7_200n,
    })
    const relayFee = fee ?? (await quote()) + MARGIN
    const onB = await lock(world, {
      htlc: world.htlcB,
      from: world.bob,
      recipient: alice,
      hashlock,
      expiresIn: 3_600n,
      amount: 2n * E18,
      relay: { domain: DOMAIN_A, peerLockId: onA.id, fee: relayFee },
    })
    return { preimage, hashlock, onA, onB, relayFee }
  }

  /** Alice claims Bob's lock on B; returns the receipt and the claim message to A. */
  async function aliceClaimsOnB(swap: Awaited<ReturnType<typeof openSwap>>) {
    const receipt = await world.mined(
      world.htlcB.write.claim([swap.onB.id, swap.preimage], { account: world.alice.account }),
    )
    return { receipt, sent: sentIn(receipt, world.b) }
  }

  /** Relays `message` from B to A and returns the delivery and the handler's events. */
  async function deliverOnA(message: Hex) {
    const receipt = await relay(world, world.b, world.a, message)
    const [delivered] = eventsIn(receipt, world.a, 'MessageDelivered')
    const [handled] = htlcEvents(receipt, world.htlcA, 'ClaimMessageHandled')
    return { receipt, delivered, handled }
  }

  it('happy path: Alice claims on B, Ferry claims Alice’s lock on A for Bob, Bob keeps the fee change', async () => {
    const swap = await openSwap()
    expect(await world.htlcB.read.relayOf([swap.onB.id])).toEqual([
      { domain: DOMAIN_A, gasLimit: CLAIM_GAS_LIMIT, peerLockId: swap.onA.id },
      swap.relayFee,
    ])
    const aliceBefore = await balance(alice)
    const { receipt, sent } = await aliceClaimsOnB(swap)
    const gasPaid = receipt.gasUsed * receipt.effectiveGasPrice
    expect(await balance(alice)).toBe(aliceBefore + 2n * E18 - gasPaid)

    // The message: the spec's body, to the peer, with the prepaid gas.
    expect(sent.recipient).toBe(evmAddressToBytes32(world.htlcA.address))
    expect(gasLimitOf(sent.message)).toBe(CLAIM_GAS_LIMIT)
    const body = encodeHtlcClaimBody({ lockId: swap.onA.id, preimage: swap.preimage })
    expect(sent.message.toLowerCase().endsWith(body.slice(2))).toBe(true)
    const fee = await quote()
    expect(htlcEvents(receipt, world.htlcB, 'PreimageRelayed')).toEqual([
      { id: swap.onB.id, messageId: sent.id, domain: DOMAIN_A, peerLockId: swap.onA.id, fee },
    ])
    expect(await world.htlcB.read.feeCreditOf([bob])).toBe(swap.relayFee - fee)

    const bobBefore = await balance(bob)
    const { delivered, handled, receipt: atA } = await deliverOnA(sent.message)
    expect(delivered?.status).toBe(MessageStatus.Executed)
    expect(delivered?.result).toBe(toHex(Outcome.Claimed, { size: 1 }))
    expect(handled).toEqual({
      origin: DOMAIN_B,
      nonce: sent.nonce,
      id: swap.onA.id,
      outcome: Outcome.Claimed,
    })
    expect(htlcEvents(atA, world.htlcA, 'Claimed')).toEqual([
      {
        id: swap.onA.id,
        hashlock: swap.hashlock,
        recipient: bob,
        preimage: swap.preimage,
        by: getAddress(world.a.endpoint.address),
      },
    ])
    expect(await balance(bob)).toBe(bobBefore + E18)
    expect((await world.htlcA.read.lockOf([swap.onA.id])).state).toBe(State.Claimed)

    // Bob withdraws the fee's change.
    const withdrawal = await world.mined(
      world.htlcB.write.withdrawFeeCredit({ account: world.bob.account }),
    )
    expect(htlcEvents(withdrawal, world.htlcB, 'FeeCreditWithdrawn')).toEqual([
      { account: bob, amount: swap.relayFee - fee },
    ])
    expect(await world.htlcB.read.feeCreditOf([bob])).toBe(0n)
  })

  it('a claim message arriving after the refund is an Executed no-op, and the channel goes on', async () => {
    const swap = await openSwap('late')
    const { sent } = await aliceClaimsOnB(swap)
    // The relayer is away past Alice's timelock; Alice refunds on A.
    await nextBlockAt(world, swap.onA.timelock)
    await world.mined(world.htlcA.write.refund([swap.onA.id]))
    const bobBefore = await balance(bob)

    const { delivered, handled } = await deliverOnA(sent.message)
    expect(delivered?.status).toBe(MessageStatus.Executed)
    expect(delivered?.result).toBe(toHex(Outcome.NotOpen, { size: 1 }))
    expect(handled?.outcome).toBe(Outcome.NotOpen)
    expect((await world.htlcA.read.lockOf([swap.onA.id])).state).toBe(State.Refunded)
    expect(await balance(bob)).toBe(bobBefore)

    // The next swap's message on the same channel is delivered and claims.
    const next = await openSwap('next')
    const { sent: nextSent } = await aliceClaimsOnB(next)
    expect(nextSent.nonce).toBe(sent.nonce + 1n)
    const after = await deliverOnA(nextSent.message)
    expect(after.handled?.outcome).toBe(Outcome.Claimed)
    expect((await world.htlcA.read.lockOf([next.onA.id])).state).toBe(State.Claimed)
  })

  it('with the relayer stopped, Bob claims by hand with the preimage from B; the late message is a no-op', async () => {
    const swap = await openSwap('by-hand')
    const { receipt, sent } = await aliceClaimsOnB(swap)
    const [claimed] = htlcEvents(receipt, world.htlcB, 'Claimed')
    const bobBefore = await balance(bob)
    const byHand = await world.mined(
      world.htlcA.write.claim([swap.onA.id, claimed?.preimage ?? '0x'], {
        account: world.bob.account,
      }),
    )
    expect(await balance(bob)).toBe(bobBefore + E18 - byHand.gasUsed * byHand.effectiveGasPrice)
    const { delivered, handled } = await deliverOnA(sent.message)
    expect(delivered?.status).toBe(MessageStatus.Executed)
    expect(handled?.outcome).toBe(Outcome.NotOpen)
  })

  it('a message after the timelock does not claim; the lock stays refundable', async () => {
    const swap = await openSwap('expired')
    const { sent } = await aliceClaimsOnB(swap)
    await nextBlockAt(world, swap.onA.timelock + 1n)
    const { handled } = await deliverOnA(sent.message)
    expect(handled?.outcome).toBe(Outcome.Expired)
    expect((await world.htlcA.read.lockOf([swap.onA.id])).state).toBe(State.Open)
    await world.mined(world.htlcA.write.refund([swap.onA.id]))
    expect((await world.htlcA.read.lockOf([swap.onA.id])).state).toBe(State.Refunded)
  })

  it('a message naming an unknown lock, or one whose hashlock the preimage does not open, is a no-op', async () => {
    const { preimage, hashlock } = secret('unknown')
    const other = await lock(world, {
      htlc: world.htlcA,
      from: world.alice,
      recipient: bob,
      hashlock: secret('unrelated').hashlock,
    })
    for (const [peerLockId, outcome] of [
      [hashlock, Outcome.UnknownLock],
      [other.id, Outcome.WrongPreimage],
    ] as const) {
      const onB = await lock(world, {
        htlc: world.htlcB,
        from: world.bob,
        recipient: alice,
        hashlock,
        relay: { domain: DOMAIN_A, peerLockId, fee: await quote() },
      })
      const receipt = await world.mined(world.htlcB.write.claim([onB.id, preimage]))
      const { delivered, handled } = await deliverOnA(sentIn(receipt, world.b).message)
      expect(delivered?.status).toBe(MessageStatus.Executed)
      expect(handled).toMatchObject({ id: peerLockId, outcome })
    }
    expect((await world.htlcA.read.lockOf([other.id])).state).toBe(State.Open)
  })

  it('a malformed body from the peer is a no-op (MalformedBody)', async () => {
    const peer = await world.viem.deployContract('TestRecipient')
    await world.mined(world.htlcA.write.setPeer([DOMAIN_B, evmAddressToBytes32(peer.address)]))
    // 64 bytes; and 65 bytes of version 2.
    for (const body of [`0x01${'00'.repeat(63)}`, `0x02${'00'.repeat(64)}`] as const) {
      const { sent } = await sendFrom(
        world,
        peer,
        world.b,
        DOMAIN_A,
        evmAddressToBytes32(world.htlcA.address),
        { body, gasLimit: CLAIM_GAS_LIMIT },
      )
      const { delivered, handled } = await deliverOnA(sent.message)
      expect(delivered?.status).toBe(MessageStatus.Executed)
      expect(handled?.outcome).toBe(Outcome.MalformedBody)
    }
  })

  it('a prepaid fee below the quote: the claim stands, nothing is sent, the fee is credited', async () => {
    const short = (await quote()) - 1n
    const swap = await openSwap('short', short)
    const receipt = await world.mined(
      world.htlcB.write.claim([swap.onB.id, swap.preimage], { account: world.alice.account }),
    )
    expect(eventsIn(receipt, world.b, 'MessageSent')).toEqual([])
    expect(htlcEvents(receipt, world.htlcB, 'PreimageNotRelayed')).toEqual([
      { id: swap.onB.id, domain: DOMAIN_A, prepaid: short, quote: short + 1n },
    ])
    expect((await world.htlcB.read.lockOf([swap.onB.id])).state).toBe(State.Claimed)
    expect(await world.htlcB.read.feeCreditOf([bob])).toBe(short)
  })

  it('a lock claimed by a message sends nothing back; a refund credits the prepaid fee', async () => {
    const { preimage, hashlock } = secret('both-relay')
    const fee = await quote()
    // Alice's lock on A also prepays a relay (to a lock on B that need not exist).
    const onA = await lock(world, {
      htlc: world.htlcA,
      from: world.alice,
      recipient: bob,
      hashlock,
      relay: { domain: DOMAIN_B, peerLockId: hashlock, fee: 777n },
    })
    const onB = await lock(world, {
      htlc: world.htlcB,
      from: world.bob,
      recipient: alice,
      hashlock,
      relay: { domain: DOMAIN_A, peerLockId: onA.id, fee },
    })
    const claim = await world.mined(world.htlcB.write.claim([onB.id, preimage]))
    const { receipt, handled } = await deliverOnA(sentIn(claim, world.b).message)
    expect(handled?.outcome).toBe(Outcome.Claimed)
    expect(eventsIn(receipt, world.a, 'MessageSent')).toEqual([])
    expect(await world.htlcA.read.feeCreditOf([alice])).toBe(777n)

    // A refunded lock with a relay: its fee is credited too.
    const refundable = await lock(world, {
      htlc: world.htlcB,
      from: world.bob,
      recipient: alice,
      hashlock,
      relay: { domain: DOMAIN_A, peerLockId: onA.id, fee: 999n },
    })
    await nextBlockAt(world, refundable.timelock)
    await world.mined(world.htlcB.write.refund([refundable.id]))
    expect(await world.htlcB.read.feeCreditOf([bob])).toBe(999n)
  })

  it('no amount of gas gives a claim that stands without relaying (the send cannot be starved)', async () => {
    const swap = await openSwap('gas')
    const estimate = await world.htlcB.estimateGas.claim([swap.onB.id, swap.preimage], {
      account: world.alice.account,
    })
    let relayed = 0
    const reverts = new Set<string>()
    for (let gas = estimate - 150_000n; gas <= estimate; gas += 1_500n) {
      const snapshot = await world.testClient.snapshot()
      try {
        const receipt = await world.mined(
          world.htlcB.write.claim([swap.onB.id, swap.preimage], {
            account: world.alice.account,
            gas,
          }),
        )
        expect(htlcEvents(receipt, world.htlcB, 'PreimageNotRelayed')).toEqual([])
        expect(htlcEvents(receipt, world.htlcB, 'PreimageRelayed')).toHaveLength(1)
        relayed++
      } catch (error) {
        // Hardhat throws on a reverted transaction: out of gas, or the guard.
        const data = revertData(error)
        reverts.add(data && data !== '0x' ? (await decodeRevert(data)).errorName : 'out of gas')
      }
      await world.testClient.revert({ id: snapshot })
    }
    // The sweep crossed the boundary: some too low, some enough.
    expect(relayed).toBeGreaterThan(0)
    expect(reverts).toContain('HashedTimelockRelayOutOfGas')
  })

  it('a handler call from anyone but the endpoint is refused', async () => {
    await expectRevert(
      world.htlcA.write.handle([DOMAIN_B, evmAddressToBytes32(world.htlcB.address), 1n, '0x']),
      'EndpointAppNotEndpoint',
      [getAddress(world.owner.account.address)],
    )
  })
})
