// The endpoint's message checks (PROTOCOL §3) and verifier selection, each with its named error.
import { decodeMessage, encodeMessage, evmAddressToBytes32, MessageStatus } from '@ferry/protocol'
import { bytesToHex, concat, type Hex, hexToBytes, slice, toHex } from 'viem'
import { beforeEach, describe, expect, it } from 'vitest'
import { expectRevert } from '../helpers/revert.ts'
import {
  DOMAIN_A,
  DOMAIN_B,
  deployWorld,
  eventsIn,
  relay,
  sendFrom,
  type TestRecipient,
  type World,
} from '../helpers/world.ts'

/** `message` with byte `index` set to `value`: malformed on purpose, so not through the codec. */
function withByte(message: Hex, index: number, value: number): Hex {
  const bytes = hexToBytes(message)
  bytes[index] = value
  return bytesToHex(bytes)
}

describe('Endpoint message checks', () => {
  let world: World
  let appA: TestRecipient
  let appB: TestRecipient
  let valid: Hex

  beforeEach(async () => {
    world = await deployWorld()
    appA = await world.viem.deployContract('TestRecipient')
    appB = await world.viem.deployContract('TestRecipient')
    ;({ message: valid } = (
      await sendFrom(world, appA, world.a, DOMAIN_B, evmAddressToBytes32(appB.address))
    ).sent)
  })

  const deliverToB = (message: Hex, proof: Hex = '0x') =>
    world.b.endpoint.write.deliver([message, proof])

  it('rejects a message shorter than the header', async () => {
    await expectRevert(deliverToB(slice(valid, 0, 97)), 'EndpointMessageTooShort', [97n])
    await expectRevert(deliverToB('0x'), 'EndpointMessageTooShort', [0n])
  })

  it('rejects unknown flag bits', async () => {
    await expectRevert(deliverToB(withByte(valid, 1, 0x04)), 'EndpointUnknownFlags', [0x04])
    await expectRevert(deliverToB(withByte(valid, 1, 0x80)), 'EndpointUnknownFlags', [0x80])
  })

  it('rejects an ack that requests an ack', async () => {
    await expectRevert(deliverToB(withByte(valid, 1, 0x03)), 'EndpointAckRequestsAck', [0x03])
  })

  it('rejects an ack whose body is shorter than originalId | status', async () => {
    // `valid` has a 5-byte body.
    await expectRevert(deliverToB(withByte(valid, 1, 0x01)), 'EndpointMalformedAck', [5n])
  })

  it('rejects a wrong version', async () => {
    await expectRevert(deliverToB(withByte(valid, 0, 2)), 'EndpointWrongVersion', [2])
    await expectRevert(deliverToB(withByte(valid, 0, 0)), 'EndpointWrongVersion', [0])
  })

  it('rejects a wrong destination', async () => {
    await expectRevert(world.a.endpoint.write.deliver([valid, '0x']), 'EndpointWrongDestination', [
      DOMAIN_A,
      DOMAIN_B,
    ])
  })

  it('rejects a body over 65,536 bytes at send, in quote and at deliver', async () => {
    const tooLarge = toHex(new Uint8Array(65_537))
    const recipient = evmAddressToBytes32(appB.address)
    await expectRevert(
      world.a.endpoint.write.send([DOMAIN_B, recipient, tooLarge, 100_000, 0, 0n], {
        value: 10n ** 18n,
      }),
      'EndpointBodyTooLarge',
      [65_537n, 65_536n],
    )
    await expectRevert(
      world.a.endpoint.read.quote([DOMAIN_B, 65_537n, 100_000, 0]),
      'EndpointBodyTooLarge',
      [65_537n, 65_536n],
    )
    await expectRevert(
      deliverToB(concat([slice(valid, 0, 98), tooLarge])),
      'EndpointBodyTooLarge',
      [65_537n, 65_536n],
    )
  })

  it('sends and delivers a body of exactly 65,536 bytes', async () => {
    const quiet = await world.viem.deployContract('RevertingRecipient')
    await quiet.write.setReverting([false])
    const body = toHex(new Uint8Array(65_536).fill(7))
    const { sent } = await sendFrom(
      world,
      appA,
      world.a,
      DOMAIN_B,
      evmAddressToBytes32(quiet.address),
      { body },
    )
    expect(decodeMessage(sent.message).body).toBe(body)
    const receipt = await relay(world, world.a, world.b, sent.message)
    expect(eventsIn(receipt, world.b, 'MessageDelivered')[0]?.status).toBe(MessageStatus.Executed)
  })

  it('rejects a message from an origin without a verifier', async () => {
    const fromElsewhere = encodeMessage({ ...decodeMessage(valid), origin: 31339 })
    await expectRevert(deliverToB(fromElsewhere), 'EndpointNoVerifier', [31339])
    await world.b.endpoint.write.setDefaultVerifier([
      DOMAIN_A,
      '0x0000000000000000000000000000000000000000',
    ])
    await expectRevert(deliverToB(valid), 'EndpointNoVerifier', [DOMAIN_A])
  })

  it('rejects a proof its verifier returns false for (EndpointProofRejected)', async () => {
    const verifier = await world.viem.deployContract('TestVerifier')
    await verifier.write.setAccept([false])
    await world.b.endpoint.write.setDefaultVerifier([DOMAIN_A, verifier.address])
    const { id } = (
      await world.publicClient.getContractEvents({
        address: world.a.endpoint.address,
        abi: world.a.endpoint.abi,
        eventName: 'MessageSent',
        fromBlock: 0n,
        strict: true,
      })
    )[0]!.args
    await expectRevert(deliverToB(valid), 'EndpointProofRejected', [id, verifier.address])
  })

  it('rejects ACK_REQUESTED not set exactly when ackGasLimit > 0, either way, and an ack with an ackGasLimit', async () => {
    // The endpoint never sends such messages (send sets the flag from ackGasLimit); a verifier
    // that accepts anything shows deliver rejects them before the proof matters.
    const verifier = await world.viem.deployContract('TestVerifier')
    await world.b.endpoint.write.setDefaultVerifier([DOMAIN_A, verifier.address])
    const limitWithoutFlag = concat([slice(valid, 0, 94), '0x0000c350', slice(valid, 98)])
    await expectRevert(deliverToB(limitWithoutFlag), 'EndpointAckRequestMismatch', [0, 50_000])
    await expectRevert(deliverToB(withByte(valid, 1, 0x02)), 'EndpointAckRequestMismatch', [2, 0])
    // An ack (33-byte body: any original id, status 1) that carries an ackGasLimit.
    const ackBody = concat([slice(valid, 0, 32), '0x01'])
    const ackWithLimit = concat([withByte(slice(valid, 0, 94), 1, 0x01), '0x0000c350', ackBody])
    await expectRevert(deliverToB(ackWithLimit), 'EndpointAckRequestMismatch', [1, 50_000])
    expect(await world.b.endpoint.read.messageStatus([limitWithoutFlag])).toBe(MessageStatus.None)
  })

  it('send sets ACK_REQUESTED exactly when ackGasLimit > 0', async () => {
    const recipient = evmAddressToBytes32(appB.address)
    const plain = await sendFrom(world, appA, world.a, DOMAIN_B, recipient)
    expect(decodeMessage(plain.sent.message)).toMatchObject({ flags: 0, ackGasLimit: 0 })
    const asking = await sendFrom(world, appA, world.a, DOMAIN_B, recipient, { ackGasLimit: 1 })
    expect(decodeMessage(asking.sent.message)).toMatchObject({ flags: 2, ackGasLimit: 1 })
  })
})
