// The HTLC on one chain (spec/apps/htlc.md §2–3, §6): locks of the native token and an ERC-20,
// claims and refunds with their exact balances and events, and every refusal by name and
// arguments: the preimage length attack, a wrong preimage, a claim at the timelock, a second
// claim, a refund before the timelock, unknown ids and bad lock terms.
import { getAddress, sha256, zeroAddress } from 'viem'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  deployHtlcWorld,
  type HtlcWorld,
  htlcEvents,
  lock,
  nextBlockAt,
  State,
  secret,
} from '../helpers/htlc.ts'
import { expectRevert } from '../helpers/revert.ts'
import { now } from '../helpers/world.ts'

const E18 = 10n ** 18n
const { preimage, hashlock } = secret()

describe('HashedTimelock', () => {
  let world: HtlcWorld
  let alice: `0x${string}`
  let bob: `0x${string}`

  beforeEach(async () => {
    world = await deployHtlcWorld()
    alice = getAddress(world.alice.account.address)
    bob = getAddress(world.bob.account.address)
  })

  const balance = (address: `0x${string}`) => world.publicClient.getBalance({ address })
  const lockNative = (amount = E18) =>
    lock(world, { htlc: world.htlcA, from: world.alice, recipient: bob, hashlock, amount })

  it('locks the native token, and anyone claims it for the recipient with the preimage', async () => {
    const { id, timelock } = await lockNative()
    expect(await balance(world.htlcA.address)).toBe(E18)
    expect(await world.htlcA.read.nonceOf([alice])).toBe(1n)
    expect(await world.htlcA.read.lockOf([id])).toMatchObject({
      locker: alice,
      recipient: bob,
      token: zeroAddress,
      amount: E18,
      hashlock,
      timelock,
      state: State.Open,
    })

    const bobBefore = await balance(bob)
    const receipt = await world.mined(
      world.htlcA.write.claim([id, preimage], { account: world.stranger.account }),
    )
    expect(await balance(bob)).toBe(bobBefore + E18)
    expect(await balance(world.htlcA.address)).toBe(0n)
    expect((await world.htlcA.read.lockOf([id])).state).toBe(State.Claimed)
    expect(htlcEvents(receipt, world.htlcA, 'Claimed')).toEqual([
      { id, hashlock, recipient: bob, preimage, by: getAddress(world.stranger.account.address) },
    ])
    // No relay was prepaid: nothing is sent.
    expect(htlcEvents(receipt, world.htlcA, 'PreimageRelayed')).toEqual([])
  })

  it('locks an ERC-20 and pays it on claim', async () => {
    await world.mined(world.token.write.mint([alice, 5n * E18]))
    await world.mined(
      world.token.write.approve([world.htlcA.address, 5n * E18], { account: world.alice.account }),
    )
    const { id } = await lock(world, {
      htlc: world.htlcA,
      from: world.alice,
      recipient: bob,
      hashlock,
      token: world.token.address,
      amount: 2n * E18,
    })
    expect(await world.token.read.balanceOf([world.htlcA.address])).toBe(2n * E18)
    await world.mined(world.htlcA.write.claim([id, preimage], { account: world.bob.account }))
    expect(await world.token.read.balanceOf([bob])).toBe(2n * E18)
    expect(await world.token.read.balanceOf([alice])).toBe(3n * E18)
  })

  it('the same terms twice get two ids (the locker nonce)', async () => {
    const first = await lockNative()
    const second = await lockNative()
    expect(first.id).not.toBe(second.id)
  })

  it('refuses a preimage of 31 or 33 bytes, even when its sha256 is the hashlock', async () => {
    // The attack: a hashlock of a preimage one chain accepts and the other refuses.
    const short = `0x${'11'.repeat(31)}` as const
    const long = `0x${'11'.repeat(33)}` as const
    for (const [bad, length] of [
      [short, 31n],
      [long, 33n],
    ] as const) {
      const { id } = await lock(world, {
        htlc: world.htlcA,
        from: world.alice,
        recipient: bob,
        hashlock: sha256(bad),
      })
      await expectRevert(world.htlcA.write.claim([id, bad]), 'HashedTimelockPreimageLength', [
        length,
      ])
      expect((await world.htlcA.read.lockOf([id])).state).toBe(State.Open)
    }
  })

  it('refuses a wrong preimage, naming its hash', async () => {
    const { id } = await lockNative()
    const wrong = secret('other').preimage
    await expectRevert(world.htlcA.write.claim([id, wrong]), 'HashedTimelockWrongPreimage', [
      id,
      sha256(wrong),
    ])
  })

  it('claims strictly before the timelock: a claim at the timelock is refused', async () => {
    const { id, timelock } = await lockNative()
    await nextBlockAt(world, timelock)
    await expectRevert(world.htlcA.write.claim([id, preimage]), 'HashedTimelockExpired', [
      id,
      timelock,
      timelock,
    ])
  })

  it('a claim in the last second before the timelock pays', async () => {
    const { id, timelock } = await lockNative()
    await nextBlockAt(world, timelock - 1n)
    await world.mined(world.htlcA.write.claim([id, preimage]))
    expect((await world.htlcA.read.lockOf([id])).state).toBe(State.Claimed)
  })

  it('refuses a second claim and a refund of a claimed lock', async () => {
    const { id, timelock } = await lockNative()
    await world.mined(world.htlcA.write.claim([id, preimage]))
    await expectRevert(world.htlcA.write.claim([id, preimage]), 'HashedTimelockNotOpen', [
      id,
      State.Claimed,
    ])
    await nextBlockAt(world, timelock)
    await expectRevert(world.htlcA.write.refund([id]), 'HashedTimelockNotOpen', [id, State.Claimed])
  })

  it('refuses a refund before the timelock; refunds the locker at it; then nothing more', async () => {
    const { id, timelock } = await lockNative()
    const before = await now(world)
    await expectRevert(world.htlcA.write.refund([id]), 'HashedTimelockNotExpired', [
      id,
      timelock,
      before + 1n,
    ])
    await nextBlockAt(world, timelock)
    const aliceBefore = await balance(alice)
    // Anyone may refund: the amount only goes back to the locker.
    const receipt = await world.mined(
      world.htlcA.write.refund([id], { account: world.stranger.account }),
    )
    expect(await balance(alice)).toBe(aliceBefore + E18)
    expect(htlcEvents(receipt, world.htlcA, 'Refunded')).toEqual([{ id, hashlock, locker: alice }])
    await expectRevert(world.htlcA.write.refund([id]), 'HashedTimelockNotOpen', [
      id,
      State.Refunded,
    ])
    await expectRevert(world.htlcA.write.claim([id, preimage]), 'HashedTimelockNotOpen', [
      id,
      State.Refunded,
    ])
  })

  it('refunds an ERC-20 lock to its locker', async () => {
    await world.mined(world.token.write.mint([alice, E18]))
    await world.mined(
      world.token.write.approve([world.htlcA.address, E18], { account: world.alice.account }),
    )
    const { id, timelock } = await lock(world, {
      htlc: world.htlcA,
      from: world.alice,
      recipient: bob,
      hashlock,
      token: world.token.address,
      amount: E18,
    })
    await nextBlockAt(world, timelock + 10n)
    await world.mined(world.htlcA.write.refund([id]))
    expect(await world.token.read.balanceOf([alice])).toBe(E18)
  })

  it('refuses unknown ids', async () => {
    const id = sha256('0x01')
    await expectRevert(world.htlcA.write.claim([id, preimage]), 'HashedTimelockUnknownLock', [id])
    await expectRevert(world.htlcA.write.refund([id]), 'HashedTimelockUnknownLock', [id])
  })

  it('refuses bad lock terms by name', async () => {
    const timelock = (await now(world)) + 100n
    const { write } = world.htlcA
    await expectRevert(
      write.lock([zeroAddress, hashlock, timelock, zeroAddress, E18], { value: E18 }),
      'HashedTimelockZeroRecipient',
      [],
    )
    await expectRevert(
      write.lock([bob, hashlock, timelock, zeroAddress, 0n]),
      'HashedTimelockZeroAmount',
      [],
    )
    await nextBlockAt(world, timelock)
    await expectRevert(
      write.lock([bob, hashlock, timelock, zeroAddress, E18], { value: E18 }),
      'HashedTimelockTimelockInPast',
      [timelock, timelock],
    )
    const later = timelock + 100n
    await expectRevert(
      write.lock([bob, hashlock, later, zeroAddress, E18], { value: E18 - 1n }),
      'HashedTimelockWrongValue',
      [E18, E18 - 1n],
    )
    await expectRevert(
      write.lock([bob, hashlock, later, world.token.address, E18], { value: 1n }),
      'HashedTimelockWrongValue',
      [0n, 1n],
    )
    await expectRevert(
      write.lockWithRelay(
        [bob, hashlock, later, zeroAddress, E18, { domain: 1, gasLimit: 0, peerLockId: hashlock }],
        { value: E18 },
      ),
      'HashedTimelockInvalidRelay',
      [],
    )
    await expectRevert(
      write.lockWithRelay(
        [bob, hashlock, later, zeroAddress, E18, { domain: 1, gasLimit: 1, peerLockId: hashlock }],
        { value: E18 - 1n },
      ),
      'HashedTimelockWrongValue',
      [E18, E18 - 1n],
    )
  })

  it('refuses a withdrawal without credit', async () => {
    await expectRevert(world.htlcA.write.withdrawFeeCredit(), 'HashedTimelockNoCredit', [
      world.owner.account.address,
    ])
  })

  it('a recipient that re-enters on payment cannot claim or refund twice: the claim reverts', async () => {
    const reentrant = await world.viem.deployContract('HtlcReentrantRecipient', [
      world.htlcA.address,
    ])
    const { id } = await lock(world, {
      htlc: world.htlcA,
      from: world.alice,
      recipient: reentrant.address,
      hashlock,
    })
    await world.mined(reentrant.write.target([id, preimage]))
    // The re-entering claim hits the guard, so the payment is refused as a whole.
    await expectRevert(world.htlcA.write.claim([id, preimage]), 'HashedTimelockTransferFailed', [
      reentrant.address,
      E18,
    ])
    expect((await world.htlcA.read.lockOf([id])).state).toBe(State.Open)
  })
})
