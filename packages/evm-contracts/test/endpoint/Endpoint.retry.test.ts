// retry(message, gasLimit) (PROTOCOL §7): a handler that ran out of gas is recovered with more,
// never with less than the message's own gasLimit, never past the deadline, never starved.
import { evmAddressToBytes32, MessageStatus } from '@ferry/protocol'
import { type Hex, toHex } from 'viem'
import { beforeEach, describe, expect, it } from 'vitest'
import { expectRevert } from '../helpers/revert.ts'
import {
  DOMAIN_B,
  deployWorld,
  eventsIn,
  gasLimitOf,
  now,
  relay,
  sendFrom,
  type TestRecipient,
  type World,
} from '../helpers/world.ts'

/** TestRecipient stores the body: 512 fresh bytes cost ~16 × 22,100 gas, far above this limit. */
const TOO_LITTLE_GAS = 100_000
const ENOUGH_GAS = 1_000_000
const HEAVY_BODY = toHex(new Uint8Array(512).fill(1))

describe('Endpoint retry with a gas limit', () => {
  let world: World
  let appA: TestRecipient
  let appB: TestRecipient

  beforeEach(async () => {
    world = await deployWorld()
    appA = await world.viem.deployContract('TestRecipient')
    appB = await world.viem.deployContract('TestRecipient')
  })

  /** A message to appB whose handler runs out of its own gas limit, delivered: Failed. */
  async function outOfGas(deadline = 0n): Promise<{ id: Hex; message: Hex }> {
    const { sent } = await sendFrom(
      world,
      appA,
      world.a,
      DOMAIN_B,
      evmAddressToBytes32(appB.address),
      {
        body: HEAVY_BODY,
        gasLimit: TOO_LITTLE_GAS,
        deadline,
      },
    )
    const receipt = await relay(world, world.a, world.b, sent.message)
    expect(eventsIn(receipt, world.b, 'MessageDelivered')[0]?.status).toBe(MessageStatus.Failed)
    expect(await appB.read.handled()).toBe(0n)
    return { id: sent.id, message: sent.message }
  }

  it('an out-of-gas Failed message becomes Executed when retried with a larger gasLimit', async () => {
    const { id, message } = await outOfGas()
    // Its own gas limit still runs out.
    const again = await world.mined(
      world.b.endpoint.write.retry([message, gasLimitOf(message)], {
        account: world.stranger.account,
      }),
    )
    expect(eventsIn(again, world.b, 'MessageRetried')[0]?.status).toBe(MessageStatus.Failed)

    const retried = await world.mined(
      world.b.endpoint.write.retry([message, ENOUGH_GAS], { account: world.stranger.account }),
    )
    expect(eventsIn(retried, world.b, 'MessageRetried')).toEqual([
      { id, status: MessageStatus.Executed, result: '0x' },
    ])
    expect(await appB.read.lastBody()).toBe(HEAVY_BODY)
    expect(await world.b.endpoint.read.messageStatus([message])).toBe(MessageStatus.Executed)
  })

  it("rejects a gasLimit below the message's own (EndpointRetryGasLimitTooLow)", async () => {
    const { id, message } = await outOfGas()
    await expectRevert(
      world.b.endpoint.write.retry([message, TOO_LITTLE_GAS - 1]),
      'EndpointRetryGasLimitTooLow',
      [id, TOO_LITTLE_GAS - 1, TOO_LITTLE_GAS],
    )
    await expectRevert(world.b.endpoint.write.retry([message, 0]), 'EndpointRetryGasLimitTooLow', [
      id,
      0,
      TOO_LITTLE_GAS,
    ])
    expect(await world.b.endpoint.read.storedStatus([id])).toBe(MessageStatus.Failed)
  })

  it('rejects a retry after the deadline, whatever the gasLimit', async () => {
    const deadline = (await now(world)) + 1_000n
    const { id, message } = await outOfGas(deadline)
    await world.testClient.setNextBlockTimestamp({ timestamp: deadline + 1n })
    await world.testClient.mine({ blocks: 1 })
    await expectRevert(
      world.b.endpoint.write.retry([message, ENOUGH_GAS]),
      'EndpointDeadlinePassed',
      [id, deadline],
    )
  })

  it('reverts as a whole when the caller supplies less gas than gasLimit needs (EndpointInsufficientGas)', async () => {
    const { id, message } = await outOfGas()
    const [required] = await expectRevert(
      world.b.endpoint.write.retry([message, ENOUGH_GAS], { gas: 600_000n }),
      'EndpointInsufficientGas',
    )
    expect(required).toBe(BigInt(ENOUGH_GAS + Math.floor(ENOUGH_GAS / 63) + 3_000))
    expect(await world.b.endpoint.read.storedStatus([id])).toBe(MessageStatus.Failed)
  })
})
