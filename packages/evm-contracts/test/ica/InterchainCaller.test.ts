// Callbacks: a contract that opted in (InterchainCaller) receives its batch's results on the ack,
// within the ack gas it prepaid; a callback that fails leaves the ack Failed (retryable, nothing
// blocked) and never the delivery reverted.
import { decodeMessage, evmAddressToBytes32, MessageStatus } from '@ferry/protocol'
import type { ContractReturnType } from '@nomicfoundation/hardhat-viem/types'
import { encodeErrorResult, encodeFunctionData, getAddress, toHex, zeroAddress } from 'viem'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  ACK_GAS_LIMIT,
  call,
  deployIcaWorld,
  GAS_LIMIT,
  type IcaWorld,
  type RemoteCall,
} from '../helpers/interchainAccounts.ts'
import { decodeRevert, expectRevert } from '../helpers/revert.ts'
import { DOMAIN_B, eventsIn, gasLimitOf, now, relay, sentIn } from '../helpers/world.ts'

type CallerApp = ContractReturnType<'RemoteCallerApp'>
const MODE = { Record: 0, Revert: 1, BurnGas: 2 } as const

describe('InterchainCaller', () => {
  let world: IcaWorld
  let app: CallerApp

  beforeEach(async () => {
    world = await deployIcaWorld()
    app = await world.viem.deployContract('RemoteCallerApp', [world.routerA.address])
  })

  const increment = (by: bigint): RemoteCall =>
    call(
      world.target.address,
      encodeFunctionData({ abi: world.target.abi, functionName: 'increment', args: [by] }),
    )

  /** The app sends a batch with an ack; returns the original message and the ack message. */
  async function appSends(
    calls: readonly RemoteCall[],
    { kind = 'call', ackGasLimit = ACK_GAS_LIMIT, deadline = 0n } = {},
  ) {
    const fee = await world.routerA.read.quoteCallRemote([DOMAIN_B, calls, GAS_LIMIT, ackGasLimit])
    expect(await app.read.quote([DOMAIN_B, calls, GAS_LIMIT, ackGasLimit])).toBe(fee)
    const args = [DOMAIN_B, calls, GAS_LIMIT, ackGasLimit, deadline] as const
    const receipt = await world.mined(
      kind === 'call' ? app.write.send(args, { value: fee }) : app.write.read(args, { value: fee }),
    )
    const sent = sentIn(receipt, world.a)
    expect(await world.routerA.read.callbackOf([sent.id])).toBe(
      ackGasLimit === 0 ? zeroAddress : getAddress(app.address),
    )
    const atB = await relay(world, world.a, world.b, sent.message)
    const [ack] = eventsIn(atB, world.b, 'MessageSent')
    return { sent, ack: ack!, delivered: eventsIn(atB, world.b, 'MessageDelivered')[0]! }
  }

  it('a caller contract gets the results of its batch in its callback', async () => {
    const { sent, ack } = await appSends([increment(4n), increment(1n)])
    const atA = await relay(world, world.b, world.a, ack.message)
    expect(eventsIn(atA, world.a, 'AckDelivered')[0]?.status).toBe(MessageStatus.Executed)
    expect(await app.read.last()).toEqual([
      1n,
      sent.id,
      true,
      [toHex(4n, { size: 32 }), toHex(5n, { size: 32 })],
    ])
    expect(await world.routerA.read.callbackOf([sent.id])).toBe(
      '0x0000000000000000000000000000000000000000',
    )
    // The owner in the body is the app: its account on B made the calls.
    const owner = decodeMessage(sent.message).body.slice(6, 70)
    expect(`0x${owner}`).toBe(evmAddressToBytes32(app.address))
  })

  it('a read’s results come back to the caller contract', async () => {
    await world.mined(world.target.write.setBalance([app.address, 42n]))
    const read = call(
      world.target.address,
      encodeFunctionData({ abi: world.target.abi, functionName: 'balanceOf', args: [app.address] }),
    )
    const { sent, ack } = await appSends([read], { kind: 'read' })
    await relay(world, world.b, world.a, ack.message)
    expect(await app.read.last()).toEqual([1n, sent.id, true, [toHex(42n, { size: 32 })]])
  })

  it('a reverting callback leaves the ack Failed without blocking the channel; a retry after fixing it delivers the results', async () => {
    const first = await appSends([increment(1n)])
    const second = await appSends([increment(2n)])
    await world.mined(app.write.setMode([MODE.Revert]))
    const atA = await relay(world, world.b, world.a, first.ack.message)
    const [delivered] = eventsIn(atA, world.a, 'MessageDelivered')
    expect(delivered?.status).toBe(MessageStatus.Failed)
    expect(await decodeRevert(delivered!.result)).toEqual({
      errorName: 'InterchainAccountRouterCallbackFailed',
      args: [
        first.sent.id,
        getAddress(app.address),
        encodeErrorResult({
          abi: app.abi,
          errorName: 'RemoteCallerAppRefused',
          args: [first.sent.id],
        }),
      ],
    })
    expect(eventsIn(atA, world.a, 'AckDelivered')[0]?.status).toBe(MessageStatus.Failed)

    // The next ack on the same channel is delivered: the Failed one holds nothing up.
    await world.mined(app.write.setMode([MODE.Record]))
    await relay(world, world.b, world.a, second.ack.message)
    expect((await app.read.last())[1]).toBe(second.sent.id)

    // Anyone retries the first ack through the endpoint: the callback now takes it.
    const retried = await world.mined(
      world.a.endpoint.write.retry([first.ack.message, gasLimitOf(first.ack.message)], {
        account: world.stranger.account,
      }),
    )
    expect(eventsIn(retried, world.a, 'MessageRetried')[0]?.status).toBe(MessageStatus.Executed)
    expect(await app.read.last()).toEqual([2n, first.sent.id, true, [toHex(1n, { size: 32 })]])
  })

  it('a callback that runs out of the ack gas fails the ack only; a retry with more gas works', async () => {
    const { sent, ack } = await appSends([increment(1n)])
    await world.mined(app.write.setMode([MODE.BurnGas]))
    const atA = await relay(world, world.b, world.a, ack.message)
    const [delivered] = eventsIn(atA, world.a, 'MessageDelivered')
    expect(delivered?.status).toBe(MessageStatus.Failed)
    expect((await decodeRevert(delivered!.result)).errorName).toBe(
      'InterchainAccountRouterCallbackFailed',
    )
    await world.mined(app.write.setMode([MODE.Record]))
    await world.mined(world.a.endpoint.write.retry([ack.message, ACK_GAS_LIMIT * 2]))
    expect((await app.read.last())[1]).toBe(sent.id)
  })

  it('a batch that timed out reaches the callback with ok = false and its last revert data', async () => {
    await world.mined(world.target.write.setFailing([true]))
    const failing = call(
      world.target.address,
      encodeFunctionData({ abi: world.target.abi, functionName: 'maybeFail', args: [3n] }),
    )
    const deadline = (await now(world)) + 100n
    const { sent, delivered } = await appSends([failing], { deadline })
    expect(delivered.status).toBe(MessageStatus.Failed)
    await world.testClient.setNextBlockTimestamp({ timestamp: deadline + 1n })
    const out = await world.mined(world.b.endpoint.write.timeout([sent.message]))
    const [ack] = eventsIn(out, world.b, 'MessageSent')
    await relay(world, world.b, world.a, ack!.message)
    expect(await app.read.last()).toEqual([1n, sent.id, false, [delivered.result]])
    expect(await decodeRevert(delivered.result)).toEqual({
      errorName: 'InterchainAccountRouterCallFailed',
      args: [
        0n,
        encodeErrorResult({
          abi: world.target.abi,
          errorName: 'RemoteCallTargetFailing',
          args: [3n],
        }),
      ],
    })
  })

  it('onRemoteResult refuses any caller but the router; no ack, or an EOA owner, records no callback', async () => {
    await expectRevert(
      app.write.onRemoteResult([`0x${'11'.repeat(32)}`, true, []], {
        account: world.stranger.account,
      }),
      'InterchainCallerNotRouter',
      [world.stranger.account.address],
    )
    expect(await app.read.supportsInterface(['0x01ffc9a7'])).toBe(true)
    // Without an ack there is nothing to call back with.
    await appSends([increment(1n)], { ackGasLimit: 0 })
    // An EOA owner.
    const fee = await world.routerA.read.quoteCallRemote([
      DOMAIN_B,
      [increment(1n)],
      GAS_LIMIT,
      ACK_GAS_LIMIT,
    ])
    const receipt = await world.mined(
      world.routerA.write.callRemote([DOMAIN_B, [increment(1n)], GAS_LIMIT, ACK_GAS_LIMIT, 0n], {
        value: fee,
      }),
    )
    expect(await world.routerA.read.callbackOf([sentIn(receipt, world.a).id])).toBe(zeroAddress)
  })
})
