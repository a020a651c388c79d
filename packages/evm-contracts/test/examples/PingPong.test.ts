// PingPong end to end over two endpoints: ping with an ack request, pong sent from inside the
// ping's handler, the ack carrying the pong's id back; and EndpointApp's guards.
import { decodeAckBody, decodeMessage, evmAddressToBytes32, MessageStatus } from '@ferry/protocol'
import type { ContractReturnType } from '@nomicfoundation/hardhat-viem/types'
import { getAddress, parseEther, toHex } from 'viem'
import { beforeEach, describe, expect, it } from 'vitest'
import { decodeRevert, expectRevert } from '../helpers/revert.ts'
import {
  DOMAIN_A,
  DOMAIN_B,
  deployWorld,
  eventsIn,
  gasLimitOf,
  relay,
  sendFrom,
  sentIn,
  type World,
} from '../helpers/world.ts'

describe('PingPong', () => {
  let world: World
  let pingA: ContractReturnType<'PingPong'>
  let pingB: ContractReturnType<'PingPong'>

  beforeEach(async () => {
    world = await deployWorld()
    const owner = world.owner.account.address
    pingA = await world.viem.deployContract('PingPong', [world.a.endpoint.address, owner])
    pingB = await world.viem.deployContract('PingPong', [world.b.endpoint.address, owner])
    await pingA.write.setPeer([DOMAIN_B, evmAddressToBytes32(pingB.address)])
    await pingB.write.setPeer([DOMAIN_A, evmAddressToBytes32(pingA.address)])
    // B pays for its pongs from its balance.
    await world.owner.sendTransaction({ to: pingB.address, value: parseEther('1') })
  })

  async function ping() {
    const fee = await pingA.read.quote([
      DOMAIN_B,
      4n,
      await pingA.read.PING_GAS_LIMIT(),
      await pingA.read.ACK_GAS_LIMIT(),
    ])
    const receipt = await world.mined(
      pingA.write.ping([DOMAIN_B], { value: fee, account: world.alice.account }),
    )
    return sentIn(receipt, world.a)
  }

  it('ping → pong from the handler → ack with the pong id, end to end', async () => {
    const pingMessage = await ping()
    expect(decodeMessage(pingMessage.message)).toMatchObject({
      flags: 2,
      body: toHex('ping'),
      ackGasLimit: 100_000,
    })

    // On B: the ping executes, its handler sends the pong, then the endpoint sends the ack.
    const atB = await relay(world, world.a, world.b, pingMessage.message)
    const [delivered] = eventsIn(atB, world.b, 'MessageDelivered')
    const [pong, ack] = eventsIn(atB, world.b, 'MessageSent')
    const pongNonce = toHex(pong!.nonce, { size: 8 })
    expect(delivered).toMatchObject({
      id: pingMessage.id,
      status: MessageStatus.Executed,
      result: pongNonce,
    })
    expect(decodeMessage(pong!.message)).toMatchObject({
      flags: 0,
      body: toHex('pong'),
      destination: DOMAIN_A,
    })
    expect(decodeAckBody(decodeMessage(ack!.message).body)).toEqual({
      originalId: pingMessage.id,
      status: MessageStatus.Executed,
      result: pongNonce,
    })
    expect(await pingB.read.pingsReceived()).toBe(1n)

    // Back on A: the pong, then the ack, each with its own proof of B's tree.
    await relay(world, world.b, world.a, pong!.message)
    expect(await pingA.read.pongsReceived()).toBe(1n)
    const atA = await relay(world, world.b, world.a, ack!.message)
    expect(eventsIn(atA, world.a, 'AckDelivered')).toEqual([
      {
        ackId: ack!.id,
        originalId: pingMessage.id,
        originalStatus: MessageStatus.Executed,
        status: MessageStatus.Executed,
      },
    ])
    expect(await pingA.read.acks()).toEqual([1n, pingMessage.id, MessageStatus.Executed, pongNonce])
  })

  it('the ping handler fails (retryable) while the app cannot pay for the pong', async () => {
    const poor = await world.viem.deployContract('PingPong', [
      world.b.endpoint.address,
      world.owner.account.address,
    ])
    await poor.write.setPeer([DOMAIN_A, evmAddressToBytes32(pingA.address)])
    await pingA.write.setPeer([DOMAIN_B, evmAddressToBytes32(poor.address)])
    const pingMessage = await ping()
    const atB = await relay(world, world.a, world.b, pingMessage.message)
    const [delivered] = eventsIn(atB, world.b, 'MessageDelivered')
    expect(delivered?.status).toBe(MessageStatus.Failed)
    const fee = await world.b.endpoint.read.quote([
      DOMAIN_A,
      4n,
      await poor.read.PONG_GAS_LIMIT(),
      0,
    ])
    expect(await decodeRevert(delivered!.result)).toEqual({
      errorName: 'EndpointAppInsufficientBalance',
      args: [fee, 0n],
    })
    await world.owner.sendTransaction({ to: poor.address, value: parseEther('1') })
    const retried = await world.mined(
      world.b.endpoint.write.retry([pingMessage.message, gasLimitOf(pingMessage.message)]),
    )
    expect(eventsIn(retried, world.b, 'MessageRetried')[0]?.status).toBe(MessageStatus.Executed)
  })

  it('handlers refuse callers other than the endpoint, and senders other than the peer', async () => {
    const stranger = world.stranger.account
    await expectRevert(
      pingB.write.handle([DOMAIN_A, evmAddressToBytes32(pingA.address), 1n, toHex('ping')], {
        account: stranger,
      }),
      'EndpointAppNotEndpoint',
      [stranger.address],
    )
    await expectRevert(
      pingB.write.handleAck([`0x${'11'.repeat(32)}`, 1, '0x'], { account: stranger }),
      'EndpointAppNotEndpoint',
      [stranger.address],
    )

    // A message from an app that is not B's peer on A is Failed with EndpointAppNotPeer.
    const intruder = await world.viem.deployContract('TestRecipient')
    const { sent } = await sendFrom(
      world,
      intruder,
      world.a,
      DOMAIN_B,
      evmAddressToBytes32(pingB.address),
      {
        body: toHex('ping'),
      },
    )
    const [delivered] = eventsIn(
      await relay(world, world.a, world.b, sent.message),
      world.b,
      'MessageDelivered',
    )
    expect(delivered?.status).toBe(MessageStatus.Failed)
    expect(await decodeRevert(delivered!.result)).toEqual({
      errorName: 'EndpointAppNotPeer',
      args: [DOMAIN_A, evmAddressToBytes32(intruder.address)],
    })
  })

  it('an ack from an app that is no longer the peer is refused (checked through ackContext)', async () => {
    const pingMessage = await ping()
    const atB = await relay(world, world.a, world.b, pingMessage.message)
    const [, ack] = eventsIn(atB, world.b, 'MessageSent')
    await pingA.write.setPeer([DOMAIN_B, evmAddressToBytes32(world.stranger.account.address)])
    const atA = await relay(world, world.b, world.a, ack!.message)
    const [delivered] = eventsIn(atA, world.a, 'MessageDelivered')
    expect(delivered?.status).toBe(MessageStatus.Failed)
    expect(await decodeRevert(delivered!.result)).toEqual({
      errorName: 'EndpointAppNotPeer',
      args: [DOMAIN_B, evmAddressToBytes32(pingB.address)],
    })
    expect(eventsIn(atA, world.a, 'AckDelivered')[0]?.status).toBe(MessageStatus.Failed)
  })

  it('refuses to send to a domain without a peer', async () => {
    await pingA.write.setPeer([DOMAIN_B, `0x${'00'.repeat(32)}`])
    await expectRevert(
      pingA.write.ping([DOMAIN_B], { value: parseEther('1') }),
      'EndpointAppNoPeer',
      [DOMAIN_B],
    )
  })

  it('the app owner sets its verifier override at the endpoint', async () => {
    const verifier = await world.viem.deployContract('TestVerifier')
    const stranger = world.stranger.account
    await expectRevert(
      pingB.write.setVerifier([DOMAIN_A, verifier.address], { account: stranger }),
      'OwnableUnauthorizedAccount',
      [stranger.address],
    )
    await pingB.write.setVerifier([DOMAIN_A, verifier.address])
    expect(await world.b.endpoint.read.appVerifier([pingB.address, DOMAIN_A])).toBe(
      getAddress(verifier.address),
    )
    // The override now decides: an unsigned proof is accepted for pingB's messages.
    const pingMessage = await ping()
    const atB = await relay(world, world.a, world.b, pingMessage.message, { signers: [] })
    expect(eventsIn(atB, world.b, 'MessageDelivered')[0]?.status).toBe(MessageStatus.Executed)
  })
})
