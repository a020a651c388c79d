// The token bridges end to end over two endpoints with real proofs: an 18-decimal ERC-20 locked
// on A and a 6-decimal token minted on B (a CosmWasm denom's decimals), round trips with exact
// balances and dust left with the sender, rate limits on both sides, the guardian's pause, and
// collateral checks against forged or uncovered releases (spec/apps/token-bridge.md).
import {
  bech32ToBytes32,
  decodeMessage,
  encodeTokenTransferBody,
  evmAddressToBytes32,
  MessageStatus,
} from '@ferry/protocol'
import { getAddress, type Hex, size, type TransactionReceipt } from 'viem'
import { beforeEach, describe, expect, it } from 'vitest'
import { decodeRevert, expectRevert } from '../helpers/revert.ts'
import {
  A_CAPACITY,
  B_CAPACITY,
  deployTokenWorld,
  GAS_LIMIT,
  type TokenWorld,
} from '../helpers/tokenBridge.ts'
import { DOMAIN_A, DOMAIN_B, eventsIn, FEE_CONFIG, relay, sentIn } from '../helpers/world.ts'

const E18 = 10n ** 18n
const E12 = 10n ** 12n

describe('token bridges', () => {
  let world: TokenWorld
  let alice: Hex
  let bob: Hex

  beforeEach(async () => {
    world = await deployTokenWorld()
    alice = world.alice.account.address
    bob = world.bob.account.address
    await world.mined(world.token.write.mint([alice, 10_000n * E18]))
    await world.mined(
      world.token.write.approve([world.lockBridge.address, 10_000n * E18], {
        account: world.alice.account,
      }),
    )
  })

  /** Alice sends `amount` of the ERC-20 from A to `to` on B; returns the Ferry message. */
  async function aliceToB(amount: bigint, to: Hex = evmAddressToBytes32(bob)) {
    const [fee] = await world.lockBridge.read.quoteTransfer([DOMAIN_B, amount])
    const receipt = await world.mined(
      world.lockBridge.write.transferRemote([DOMAIN_B, to, amount], {
        value: fee,
        account: world.alice.account,
      }),
    )
    return { receipt, sent: sentIn(receipt, world.a) }
  }

  async function deliveredIn(receipt: TransactionReceipt, side: 'a' | 'b') {
    const [delivered] = eventsIn(receipt, side === 'a' ? world.a : world.b, 'MessageDelivered')
    if (!delivered) throw new Error('not delivered')
    return delivered
  }

  it('locks on A, mints on B with 6 decimals and the dust left with alice; back again, exactly', async () => {
    const amount = 1_234_567_891_234_567_891n // 1.234567891234567891 tokens
    const [, sent, received, dust] = await world.lockBridge.read.quoteTransfer([DOMAIN_B, amount])
    expect([sent, received, dust]).toEqual([1_234_567n * E12, 1_234_567n, 891_234_567_891n])

    const { receipt, sent: message } = await aliceToB(amount)
    expect(decodeMessage(message.message).body).toBe(
      encodeTokenTransferBody({
        recipient: evmAddressToBytes32(bob),
        amount: 1_234_567n,
        sender: evmAddressToBytes32(alice),
      }),
    )
    expect(decodeMessage(message.message).gasLimit).toBe(GAS_LIMIT)
    expect(await world.token.read.balanceOf([alice])).toBe(10_000n * E18 - sent)
    expect(await world.token.read.balanceOf([world.lockBridge.address])).toBe(sent)
    expect(await world.lockBridge.read.collateralOf([DOMAIN_B])).toBe(sent)
    expect(receipt.status).toBe('success')

    const atB = await deliveredIn(await relay(world, world.a, world.b, message.message), 'b')
    expect(atB.status).toBe(MessageStatus.Executed)
    expect(await world.bridged.read.balanceOf([bob])).toBe(1_234_567n)
    expect(await world.bridged.read.decimals()).toBe(6)
    expect(await world.mintBridge.read.collateralOf([DOMAIN_A])).toBe(1_234_567n)

    // Back: bob sends 1.000000 to alice.
    const [fee, backSent, backReceived, backDust] = await world.mintBridge.read.quoteTransfer([
      DOMAIN_A,
      1_000_000n,
    ])
    expect([backSent, backReceived, backDust]).toEqual([1_000_000n, E18, 0n])
    const back = sentIn(
      await world.mined(
        world.mintBridge.write.transferRemote([DOMAIN_A, evmAddressToBytes32(alice), 1_000_000n], {
          value: fee,
          account: world.bob.account,
        }),
      ),
      world.b,
    )
    expect(await world.bridged.read.balanceOf([bob])).toBe(234_567n)
    expect(await world.bridged.read.totalSupply()).toBe(234_567n)
    expect(await world.mintBridge.read.collateralOf([DOMAIN_A])).toBe(234_567n)
    const atA = await deliveredIn(await relay(world, world.b, world.a, back.message), 'a')
    expect(atA.status).toBe(MessageStatus.Executed)
    expect(await world.token.read.balanceOf([alice])).toBe(10_000n * E18 - sent + E18)
    expect(await world.token.read.balanceOf([world.lockBridge.address])).toBe(234_567n * E12)
    expect(await world.lockBridge.read.collateralOf([DOMAIN_B])).toBe(234_567n * E12)
  })

  it('refuses an amount that is all dust, a zero recipient and an unknown route', async () => {
    await expectRevert(
      world.lockBridge.write.transferRemote([DOMAIN_B, evmAddressToBytes32(bob), E12 - 1n], {
        value: E18,
        account: world.alice.account,
      }),
      'TokenBridgeZeroAmount',
      [E12 - 1n],
    )
    await expectRevert(
      world.lockBridge.write.transferRemote([DOMAIN_B, `0x${'00'.repeat(32)}`, E18], {
        value: E18,
        account: world.alice.account,
      }),
      'TokenBridgeZeroRecipient',
      [],
    )
    await expectRevert(
      world.lockBridge.write.transferRemote([999, evmAddressToBytes32(bob), E18], {
        value: E18,
        account: world.alice.account,
      }),
      'TokenBridgeUnknownRoute',
      [999],
    )
  })

  it('an outbound rate limit refuses on the origin, with nothing taken, and refills', async () => {
    await aliceToB(A_CAPACITY - 5n * E18)
    expect(await world.lockBridge.read.outboundAvailable([DOMAIN_B])).toBe(5n * E18)
    const before = await world.token.read.balanceOf([alice])
    const [, , , available] = await expectRevert(
      world.lockBridge.write.transferRemote([DOMAIN_B, evmAddressToBytes32(bob), 10n * E18], {
        value: E18,
        account: world.alice.account,
      }),
      'TokenBridgeRateLimited',
    ).then((args) => {
      expect(args.slice(0, 3)).toEqual([DOMAIN_B, true, 10n * E18])
      return args
    })
    // What a block's second or two of refill added.
    expect(available).toBeGreaterThanOrEqual(5n * E18)
    expect(available).toBeLessThan(10n * E18)
    expect(await world.token.read.balanceOf([alice])).toBe(before)
    // 1 token per second comes back.
    await world.testClient.increaseTime({ seconds: 10 })
    await world.testClient.mine({ blocks: 1 })
    expect(await world.lockBridge.read.outboundAvailable([DOMAIN_B])).toBeGreaterThanOrEqual(
      10n * E18,
    )
    await aliceToB(10n * E18)
  })

  it('an inbound rate limit fails the delivery, which succeeds on retry once refilled: never stuck', async () => {
    // B lets 6 tokens in at once, refilling 1 per second; 4 arrive, then 5.
    await world.mined(
      world.mintBridge.write.setRoute([
        DOMAIN_A,
        { enabled: true, remoteDecimals: 18, gasLimit: GAS_LIMIT },
        B_CAPACITY,
        10n ** 6n,
        6_000_000n,
        10n ** 6n,
      ]),
    )
    const first = await aliceToB(4n * E18)
    await relay(world, world.a, world.b, first.sent.message)
    const { sent } = await aliceToB(5n * E18)
    const failed = await deliveredIn(await relay(world, world.a, world.b, sent.message), 'b')
    expect(failed.status).toBe(MessageStatus.Failed)
    const { errorName, args } = await decodeRevert(failed.result)
    expect(errorName).toBe('TokenBridgeRateLimited')
    expect(args.slice(0, 3)).toEqual([DOMAIN_A, false, 5_000_000n])
    expect(args[3]).toBeLessThan(5_000_000n)
    await world.testClient.increaseTime({ seconds: 5 })
    await world.testClient.mine({ blocks: 1 })
    const retried = await world.mined(
      world.b.endpoint.write.retry([sent.message, GAS_LIMIT], { account: world.relayer.account }),
    )
    expect(eventsIn(retried, world.b, 'MessageRetried')[0]?.status).toBe(MessageStatus.Executed)
    expect(await world.bridged.read.balanceOf([bob])).toBe(9_000_000n)
  })

  it('the guardian pauses both ways; deliveries while paused fail and succeed on retry after', async () => {
    const guardian = world.stranger
    await world.mined(world.lockBridge.write.setGuardian([guardian.account.address]))
    await world.mined(world.mintBridge.write.setGuardian([guardian.account.address]))
    await expectRevert(
      world.lockBridge.write.pause({ account: world.bob.account }),
      'TokenBridgeNotGuardian',
      [getAddress(bob)],
    )

    const { sent } = await aliceToB(2n * E18)
    await world.mined(world.lockBridge.write.pause({ account: guardian.account }))
    await world.mined(world.mintBridge.write.pause({ account: guardian.account }))
    expect(await world.lockBridge.read.paused()).toBe(true)
    await expectRevert(
      world.lockBridge.write.transferRemote([DOMAIN_B, evmAddressToBytes32(bob), E18], {
        value: E18,
        account: world.alice.account,
      }),
      'TokenBridgePaused',
      [],
    )
    const failed = await deliveredIn(await relay(world, world.a, world.b, sent.message), 'b')
    expect(failed.status).toBe(MessageStatus.Failed)
    expect((await decodeRevert(failed.result)).errorName).toBe('TokenBridgePaused')

    await world.mined(world.mintBridge.write.unpause({ account: guardian.account }))
    await world.mined(world.b.endpoint.write.retry([sent.message, GAS_LIMIT]))
    expect(await world.bridged.read.balanceOf([bob])).toBe(2_000_000n)
  })

  it('security: a release from an app that is not the peer bridge is refused', async () => {
    await aliceToB(100n * E18) // collateral to steal
    const forger = await world.viem.deployContract('TestRecipient')
    const body = encodeTokenTransferBody({
      recipient: evmAddressToBytes32(bob),
      amount: 100n * E18,
      sender: evmAddressToBytes32(bob),
    })
    const fee = await world.b.endpoint.read.quote([DOMAIN_A, BigInt(size(body)), GAS_LIMIT, 0])
    const sent = sentIn(
      await world.mined(
        forger.write.sendVia(
          [
            world.b.endpoint.address,
            DOMAIN_A,
            evmAddressToBytes32(world.lockBridge.address),
            body,
            GAS_LIMIT,
            0,
            0n,
          ],
          { value: fee, account: world.bob.account },
        ),
      ),
      world.b,
    )
    const delivered = await deliveredIn(await relay(world, world.b, world.a, sent.message), 'a')
    expect(delivered.status).toBe(MessageStatus.Failed)
    expect(await decodeRevert(delivered.result)).toEqual({
      errorName: 'EndpointAppNotPeer',
      args: [DOMAIN_B, evmAddressToBytes32(forger.address)],
    })
    expect(await world.token.read.balanceOf([bob])).toBe(0n)
  })

  it('security: a route never releases more than was locked for it', async () => {
    await aliceToB(100n * E18)
    // A faulty peer on B asks A to release 150 while 100 are locked for B.
    const faulty = await world.viem.deployContract('TestRecipient')
    await world.mined(
      world.lockBridge.write.setPeer([DOMAIN_B, evmAddressToBytes32(faulty.address)]),
    )
    const body = encodeTokenTransferBody({
      recipient: evmAddressToBytes32(bob),
      amount: 150n * E18,
      sender: evmAddressToBytes32(bob),
    })
    const fee = await world.b.endpoint.read.quote([DOMAIN_A, BigInt(size(body)), GAS_LIMIT, 0])
    const sent = sentIn(
      await world.mined(
        faulty.write.sendVia(
          [
            world.b.endpoint.address,
            DOMAIN_A,
            evmAddressToBytes32(world.lockBridge.address),
            body,
            GAS_LIMIT,
            0,
            0n,
          ],
          { value: fee, account: world.bob.account },
        ),
      ),
      world.b,
    )
    const delivered = await deliveredIn(await relay(world, world.b, world.a, sent.message), 'a')
    expect(delivered.status).toBe(MessageStatus.Failed)
    expect(await decodeRevert(delivered.result)).toEqual({
      errorName: 'TokenBridgeInsufficientCollateral',
      args: [DOMAIN_B, 150n * E18, 100n * E18],
    })
  })

  it('a mint bridge refuses to send to a route whose destination locked too little', async () => {
    const { sent } = await aliceToB(10n * E18)
    await relay(world, world.a, world.b, sent.message)
    // A second route from B, to a CosmWasm chain, which locked nothing for B.
    const wasm = 7001
    await world.mined(
      world.b.endpoint.write.setFeeConfig([wasm, FEE_CONFIG], {
        account: world.feeManager.account,
      }),
    )
    await world.mined(
      world.mintBridge.write.setRoute([
        wasm,
        { enabled: true, remoteDecimals: 6, gasLimit: GAS_LIMIT },
        B_CAPACITY,
        1n,
        B_CAPACITY,
        1n,
      ]),
    )
    await world.mined(world.mintBridge.write.setPeer([wasm, `0x${'ab'.repeat(32)}`]))
    const to = bech32ToBytes32('wasm144ghy6hpwxqvunppx3vtn2vg6q5wqugne74v85')
    await expectRevert(
      world.mintBridge.write.transferRemote([wasm, to, 1_000_000n], {
        value: E18,
        account: world.bob.account,
      }),
      'TokenBridgeInsufficientCollateral',
      [wasm, 1_000_000n, 0n],
    )
    // Back to A, whose route locked 10 tokens, it goes.
    const [fee] = await world.mintBridge.read.quoteTransfer([DOMAIN_A, 1_000_000n])
    await world.mined(
      world.mintBridge.write.transferRemote([DOMAIN_A, evmAddressToBytes32(alice), 1_000_000n], {
        value: fee,
        account: world.bob.account,
      }),
    )
  })

  it('sends to a CosmWasm account given in bech32: its data bytes in the body', async () => {
    const wasm = 7001
    await world.mined(
      world.a.endpoint.write.setFeeConfig([wasm, FEE_CONFIG], {
        account: world.feeManager.account,
      }),
    )
    await world.mined(
      world.lockBridge.write.setRoute([
        wasm,
        { enabled: true, remoteDecimals: 6, gasLimit: GAS_LIMIT },
        A_CAPACITY,
        1n,
        A_CAPACITY,
        1n,
      ]),
    )
    await world.mined(world.lockBridge.write.setPeer([wasm, `0x${'ab'.repeat(32)}`]))
    const to = bech32ToBytes32('wasm144ghy6hpwxqvunppx3vtn2vg6q5wqugne74v85')
    const [fee] = await world.lockBridge.read.quoteTransfer([wasm, 3n * E18])
    const sent = sentIn(
      await world.mined(
        world.lockBridge.write.transferRemote([wasm, to, 3n * E18], {
          value: fee,
          account: world.alice.account,
        }),
      ),
      world.a,
    )
    expect(decodeMessage(sent.message).body).toBe(
      encodeTokenTransferBody({
        recipient: to,
        amount: 3_000_000n,
        sender: evmAddressToBytes32(alice),
      }),
    )
    expect(await world.lockBridge.read.collateralOf([wasm])).toBe(3n * E18)
  })

  it('only the bridge mints and burns its token', async () => {
    await expectRevert(
      world.bridged.write.mint([bob, 1n], { account: world.bob.account }),
      'BridgedTokenNotBridge',
      [getAddress(bob)],
    )
    await expectRevert(
      world.bridged.write.burn([bob, 0n], { account: world.bob.account }),
      'BridgedTokenNotBridge',
      [getAddress(bob)],
    )
  })
})
