// Owner powers: pause, two-step ownership, verifiers (default and per-app), and the empty views.
import { evmAddressToBytes32, MessageStatus, ZERO_HASHES } from '@ferry/protocol'
import { getAddress, zeroAddress } from 'viem'
import { beforeEach, describe, expect, it } from 'vitest'
import { expectRevert } from '../helpers/revert.ts'
import {
  DOMAIN_A,
  DOMAIN_B,
  deployWorld,
  eventsIn,
  gasLimitOf,
  now,
  prove,
  relay,
  sendFrom,
  type TestRecipient,
  VALIDATOR_ADDRESSES,
  type World,
} from '../helpers/world.ts'

describe('Endpoint administration', () => {
  let world: World
  let appA: TestRecipient
  let appB: TestRecipient

  beforeEach(async () => {
    world = await deployWorld()
    appA = await world.viem.deployContract('TestRecipient')
    appB = await world.viem.deployContract('TestRecipient')
  })

  it('pause blocks send, deliver, deliverBatch, retry and timeout (EnforcedPause); unpause resumes', async () => {
    const reverting = await world.viem.deployContract('RevertingRecipient')
    const deadline = (await now(world)) + 10_000n
    const failed = (
      await sendFrom(world, appA, world.a, DOMAIN_B, evmAddressToBytes32(reverting.address), {
        deadline,
      })
    ).sent
    await relay(world, world.a, world.b, failed.message)
    const pending = (
      await sendFrom(world, appA, world.a, DOMAIN_B, evmAddressToBytes32(appB.address))
    ).sent
    const proof = await prove(world, world.a, pending.message)

    const stranger = world.stranger.account
    await expectRevert(
      world.b.endpoint.write.pause({ account: stranger }),
      'OwnableUnauthorizedAccount',
      [stranger.address],
    )
    await world.b.endpoint.write.pause()
    await world.a.endpoint.write.pause()
    expect(await world.b.endpoint.read.paused()).toBe(true)

    const fee = await world.a.endpoint.read.quote([DOMAIN_B, 0n, 1, 0])
    await expectRevert(
      world.a.endpoint.write.send([DOMAIN_B, evmAddressToBytes32(appB.address), '0x', 1, 0, 0n], {
        value: fee,
      }),
      'EnforcedPause',
      [],
    )
    await expectRevert(
      world.b.endpoint.write.deliver([pending.message, proof]),
      'EnforcedPause',
      [],
    )
    await expectRevert(
      world.b.endpoint.write.deliverBatch([[pending.message], [proof]]),
      'EnforcedPause',
      [],
    )
    await expectRevert(
      world.b.endpoint.write.retry([failed.message, gasLimitOf(failed.message)]),
      'EnforcedPause',
      [],
    )
    await world.testClient.setNextBlockTimestamp({ timestamp: deadline + 1n })
    await expectRevert(world.b.endpoint.write.timeout([failed.message]), 'EnforcedPause', [])

    await expectRevert(
      world.b.endpoint.write.unpause({ account: stranger }),
      'OwnableUnauthorizedAccount',
      [stranger.address],
    )
    await world.b.endpoint.write.unpause()
    await world.mined(world.b.endpoint.write.deliver([pending.message, proof]))
    await world.mined(world.b.endpoint.write.timeout([failed.message]))
    expect(await world.b.endpoint.read.storedStatus([failed.id])).toBe(MessageStatus.TimedOut)
  })

  it('transfers ownership in two steps (Ownable2Step)', async () => {
    const { endpoint } = world.b
    const owner = world.owner.account
    const bob = world.bob.account
    const stranger = world.stranger.account
    await endpoint.write.transferOwnership([bob.address])
    expect(await endpoint.read.owner()).toBe(getAddress(owner.address))
    expect(await endpoint.read.pendingOwner()).toBe(getAddress(bob.address))
    await expectRevert(
      endpoint.write.acceptOwnership({ account: stranger }),
      'OwnableUnauthorizedAccount',
      [stranger.address],
    )
    await endpoint.write.acceptOwnership({ account: bob })
    expect(await endpoint.read.owner()).toBe(getAddress(bob.address))
    await expectRevert(
      endpoint.write.setDefaultVerifier([DOMAIN_A, zeroAddress]),
      'OwnableUnauthorizedAccount',
      [owner.address],
    )
    await endpoint.write.setDefaultVerifier([DOMAIN_A, zeroAddress], { account: bob })
    expect(await endpoint.read.defaultVerifier([DOMAIN_A])).toBe(zeroAddress)
  })

  it('lets only the owner set default verifiers, and only to contracts', async () => {
    const { endpoint } = world.b
    const stranger = world.stranger.account
    await expectRevert(
      endpoint.write.setDefaultVerifier([DOMAIN_A, world.b.verifier.address], {
        account: stranger,
      }),
      'OwnableUnauthorizedAccount',
      [stranger.address],
    )
    await expectRevert(
      endpoint.write.setDefaultVerifier([DOMAIN_A, stranger.address]),
      'EndpointVerifierNotContract',
      [stranger.address],
    )
    await expectRevert(
      endpoint.write.setAppVerifier([DOMAIN_A, stranger.address]),
      'EndpointVerifierNotContract',
      [stranger.address],
    )
  })

  it('app verifier override: an app picks its own verifier per origin; zero clears it', async () => {
    // A verifier trusting only validators 3 and 4 (threshold 2).
    const own = await world.viem.deployContract('MultisigVerifier', [world.owner.account.address])
    await own.write.setOrigin([
      DOMAIN_A,
      evmAddressToBytes32(world.a.endpoint.address),
      VALIDATOR_ADDRESSES.slice(3),
      2,
    ])
    await appB.write.setVerifierAt([world.b.endpoint.address, DOMAIN_A, own.address])
    const app = evmAddressToBytes32(appB.address)
    expect(await world.b.endpoint.read.appVerifier([appB.address, DOMAIN_A])).toBe(
      getAddress(own.address),
    )
    expect(await world.b.endpoint.read.verifierFor([DOMAIN_A, app])).toBe(getAddress(own.address))

    // Signed by the default set: rejected for this app; signed by its own set: delivered.
    const first = (await sendFrom(world, appA, world.a, DOMAIN_B, app)).sent
    await expectRevert(
      world.b.endpoint.write.deliver([first.message, await prove(world, world.a, first.message)]),
      'MultisigVerifierSignerNotValidator',
      [VALIDATOR_ADDRESSES[0]],
    )
    const receipt = await relay(world, world.a, world.b, first.message, { signers: [3, 4] })
    expect(eventsIn(receipt, world.b, 'MessageDelivered')[0]?.status).toBe(MessageStatus.Executed)

    // Other apps keep the default.
    const other = await world.viem.deployContract('TestRecipient')
    expect(
      await world.b.endpoint.read.verifierFor([DOMAIN_A, evmAddressToBytes32(other.address)]),
    ).toBe(getAddress(world.b.verifier.address))

    // Clearing the override brings the default back.
    await appB.write.setVerifierAt([world.b.endpoint.address, DOMAIN_A, zeroAddress])
    const second = (await sendFrom(world, appA, world.a, DOMAIN_B, app)).sent
    await relay(world, world.a, world.b, second.message)
    expect(await appB.read.handled()).toBe(2n)
  })

  it('views of an empty endpoint', async () => {
    const empty = await world.viem.deployContract('Endpoint', [7, world.owner.account.address])
    expect(await empty.read.localDomain()).toBe(7)
    expect(await empty.read.merkleCount()).toBe(0)
    expect(await empty.read.merkleRoot()).toBe(ZERO_HASHES[32])
    await expectRevert(empty.read.latestCheckpoint(), 'EndpointEmptyTree', [])
    expect(await empty.read.ackContext()).toEqual([0, `0x${'0'.repeat(64)}`])
  })
})
