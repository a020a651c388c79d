// Fees (PROTOCOL §9): quote, charge, refund, roles and withdrawal.
import {
  decodeMessage,
  encodeMessage,
  evmAddressToBytes32,
  getChannelKey,
  getMessageId,
  MessageStatus,
} from '@ferry/protocol'
import { concat, encodeFunctionData, getAddress, type Hex, parseEther, slice } from 'viem'
import { beforeEach, describe, expect, it } from 'vitest'
import { expectRevert } from '../helpers/revert.ts'
import {
  DOMAIN_A,
  DOMAIN_B,
  deployWorld,
  eventsIn,
  FEE_CONFIG,
  MAX_GAS_LIMIT,
  relay,
  sendFrom,
  sentIn,
  type TestRecipient,
  type World,
} from '../helpers/world.ts'

/** The §9 formula, with the ack part priced at the longest ack body (33 + 1,024 bytes). */
function expectedFee(bodyLength: bigint, gasLimit: bigint, ackGasLimit: bigint): bigint {
  const { baseFee, gasOverhead, gasPerByte, gasPrice, rate } = FEE_CONFIG
  const gas = (units: bigint, length: bigint) =>
    ((units + BigInt(gasOverhead) + length * BigInt(gasPerByte)) * gasPrice * rate) / 10n ** 18n
  return baseFee + gas(gasLimit, bodyLength) + (ackGasLimit > 0n ? gas(ackGasLimit, 1_057n) : 0n)
}

describe('Endpoint fees', () => {
  let world: World
  const recipient = evmAddressToBytes32('0x00000000000000000000000000000000000000b0')

  beforeEach(async () => {
    world = await deployWorld()
  })

  it('quotes baseFee + gas × price × rate, plus the ack back here when requested', async () => {
    const { endpoint } = world.a
    expect(await endpoint.read.quote([DOMAIN_B, 100n, 200_000, 0])).toBe(
      expectedFee(100n, 200_000n, 0n),
    )
    expect(await endpoint.read.quote([DOMAIN_B, 100n, 200_000, 80_000])).toBe(
      expectedFee(100n, 200_000n, 80_000n),
    )
    // A different rate on the destination scales the destination part only.
    await endpoint.write.setFeeConfig([DOMAIN_B, { ...FEE_CONFIG, rate: 2n * 10n ** 18n }], {
      account: world.feeManager.account,
    })
    const destinationPart = expectedFee(100n, 200_000n, 0n) - FEE_CONFIG.baseFee
    const ackPart = expectedFee(100n, 200_000n, 80_000n) - expectedFee(100n, 200_000n, 0n)
    expect(await endpoint.read.quote([DOMAIN_B, 100n, 200_000, 80_000])).toBe(
      FEE_CONFIG.baseFee + 2n * destinationPart + ackPart,
    )
  })

  it('rejects a fee below the quote', async () => {
    const fee = await world.a.endpoint.read.quote([DOMAIN_B, 3n, 100_000, 0])
    await expectRevert(
      world.a.endpoint.write.send([DOMAIN_B, recipient, '0x010203', 100_000, 0, 0n], {
        value: fee - 1n,
      }),
      'EndpointFeeTooLow',
      [fee, fee - 1n],
    )
  })

  it('refunds the excess to the sender (exact balance accounting, gas included)', async () => {
    const { endpoint } = world.a
    const alice = world.alice.account.address
    const fee = await endpoint.read.quote([DOMAIN_B, 3n, 100_000, 50_000])
    const before = await world.publicClient.getBalance({ address: alice })
    const receipt = await world.mined(
      endpoint.write.send([DOMAIN_B, recipient, '0x010203', 100_000, 50_000, 0n], {
        value: fee + parseEther('1'),
        account: world.alice.account,
      }),
    )
    const after = await world.publicClient.getBalance({ address: alice })
    expect(before - after).toBe(fee + receipt.gasUsed * receipt.effectiveGasPrice)
    expect(await world.publicClient.getBalance({ address: endpoint.address })).toBe(fee)
    expect(sentIn(receipt, world.a).nonce).toBe(1n)
  })

  it('reverts when the refund cannot be paid', async () => {
    const multicall = await world.viem.deployContract('TestMulticall')
    const fee = await world.a.endpoint.read.quote([DOMAIN_B, 0n, 100_000, 0])
    const data = encodeFunctionData({
      abi: world.a.endpoint.abi,
      functionName: 'send',
      args: [DOMAIN_B, recipient, '0x', 100_000, 0, 0n],
    })
    await expectRevert(
      multicall.write.callWithValue([world.a.endpoint.address, data], { value: fee + 1n }),
      'EndpointRefundFailed',
      [multicall.address, 1n],
    )
    // The exact fee needs no refund.
    await world.mined(
      multicall.write.callWithValue([world.a.endpoint.address, data], { value: fee }),
    )
  })

  it('rejects an unknown destination, and an ack request without a local config', async () => {
    const { endpoint } = world.a
    await expectRevert(endpoint.read.quote([999, 0n, 1, 0]), 'EndpointUnknownDestination', [999])
    await expectRevert(
      endpoint.write.send([999, recipient, '0x', 1, 0, 0n], { value: 10n ** 18n }),
      'EndpointUnknownDestination',
      [999],
    )
    await endpoint.write.removeFeeConfig([DOMAIN_A], { account: world.feeManager.account })
    await expectRevert(endpoint.read.quote([DOMAIN_B, 0n, 1, 1]), 'EndpointUnknownDestination', [
      DOMAIN_A,
    ])
    await endpoint.read.quote([DOMAIN_B, 0n, 1, 0])
  })

  it('allows sending to its own domain (loopback)', async () => {
    const fee = await world.a.endpoint.read.quote([DOMAIN_A, 0n, 1, 0])
    const receipt = await world.mined(
      world.a.endpoint.write.send([DOMAIN_A, recipient, '0x', 1, 0, 0n], { value: fee }),
    )
    expect(sentIn(receipt, world.a).destination).toBe(DOMAIN_A)
  })

  it('lets only the fee manager configure fees, with a non-zero rate and maxGasLimit', async () => {
    const { endpoint } = world.a
    const stranger = world.stranger.account
    await expectRevert(
      endpoint.write.setFeeConfig([7, FEE_CONFIG], { account: stranger }),
      'EndpointNotFeeManager',
      [stranger.address],
    )
    await expectRevert(
      endpoint.write.removeFeeConfig([DOMAIN_B], { account: stranger }),
      'EndpointNotFeeManager',
      [stranger.address],
    )
    await expectRevert(
      endpoint.write.setFeeConfig([7, { ...FEE_CONFIG, rate: 0n }], {
        account: world.feeManager.account,
      }),
      'EndpointZeroRate',
      [7],
    )
    await expectRevert(
      endpoint.write.setFeeConfig([7, { ...FEE_CONFIG, maxGasLimit: 0 }], {
        account: world.feeManager.account,
      }),
      'EndpointZeroMaxGasLimit',
      [7],
    )
    await endpoint.write.setFeeConfig([7, FEE_CONFIG], { account: world.feeManager.account })
    expect(await endpoint.read.feeConfig([7])).toEqual(FEE_CONFIG)
    // Only the owner appoints the roles.
    await expectRevert(
      endpoint.write.setFeeManager([stranger.address], { account: stranger }),
      'OwnableUnauthorizedAccount',
      [stranger.address],
    )
    await expectRevert(
      endpoint.write.setFeeCollector([stranger.address], { account: stranger }),
      'OwnableUnauthorizedAccount',
      [stranger.address],
    )
    expect(await endpoint.read.feeManager()).toBe(getAddress(world.feeManager.account.address))
  })

  it('lets only the fee collector withdraw, at most the balance', async () => {
    const { endpoint } = world.a
    const fee = await endpoint.read.quote([DOMAIN_B, 0n, 100_000, 0])
    await world.mined(
      endpoint.write.send([DOMAIN_B, recipient, '0x', 100_000, 0, 0n], { value: fee }),
    )
    const bob = world.bob.account.address
    const collector = world.feeCollector.account

    await expectRevert(
      endpoint.write.withdrawFees([bob, fee], { account: world.owner.account }),
      'EndpointNotFeeCollector',
      [world.owner.account.address],
    )
    await expectRevert(
      endpoint.write.withdrawFees([bob, fee + 1n], { account: collector }),
      'EndpointInsufficientFees',
      [fee + 1n, fee],
    )
    await expectRevert(
      endpoint.write.withdrawFees(['0x0000000000000000000000000000000000000000', fee], {
        account: collector,
      }),
      'EndpointZeroAddress',
      [],
    )
    const before = await world.publicClient.getBalance({ address: bob })
    const receipt = await world.mined(
      endpoint.write.withdrawFees([bob, fee], { account: collector }),
    )
    expect(await world.publicClient.getBalance({ address: bob })).toBe(before + fee)
    expect(await world.publicClient.getBalance({ address: endpoint.address })).toBe(0n)
    const [event] = await world.publicClient.getContractEvents({
      address: endpoint.address,
      abi: endpoint.abi,
      eventName: 'FeesWithdrawn',
      blockHash: receipt.blockHash,
      strict: true,
    })
    expect(event?.args).toEqual({ to: getAddress(bob), amount: fee })
  })

  describe('maxGasLimit (§4): a message that could never be delivered is refused at send', () => {
    /** EIP-7825: the most gas one transaction may use. */
    const TX_GAS_CAP = 2n ** 24n
    /** A handler gas limit no delivery under the cap can give. */
    const UNDELIVERABLE = 20_000_000
    /** What the endpoint accepted before 1.1: any uint32. */
    const UNCAPPED = 2 ** 32 - 1
    let appA: TestRecipient
    let appB: TestRecipient

    beforeEach(async () => {
      appA = await world.viem.deployContract('TestRecipient')
      appB = await world.viem.deployContract('TestRecipient')
    })

    const setMax = (domain: number, maxGasLimit: number) =>
      world.mined(
        world.a.endpoint.write.setFeeConfig([domain, { ...FEE_CONFIG, maxGasLimit }], {
          account: world.feeManager.account,
        }),
      )
    const toB = (options: Parameters<typeof sendFrom>[5]) =>
      sendFrom(world, appA, world.a, DOMAIN_B, evmAddressToBytes32(appB.address), options)
    const channelOf = (message: Hex) => getChannelKey(decodeMessage(message))

    it('uncapped (as before 1.1), gasLimit 20,000,000 blocks its channel for good', async () => {
      await setMax(DOMAIN_B, UNCAPPED)
      const { sent: stuck } = await toB({ gasLimit: UNDELIVERABLE })
      const { sent: next } = await toB({})
      // No transaction under the cap can give the handler its gas: the delivery reverts...
      const [required] = await expectRevert(
        relay(world, world.a, world.b, stuck.message, { gas: TX_GAS_CAP }),
        'EndpointInsufficientGas',
      )
      expect(required).toBeGreaterThan(TX_GAS_CAP)
      // ...and no later message of the channel can pass it.
      await expectRevert(relay(world, world.a, world.b, next.message), 'EndpointNonceOutOfOrder', [
        channelOf(next.message),
        1n,
        2n,
      ])
      expect(await world.b.endpoint.read.messageStatus([stuck.message])).toBe(MessageStatus.None)
    })

    it('uncapped (as before 1.1), ackGasLimit 20,000,000 blocks the ack channel back for good', async () => {
      await setMax(DOMAIN_A, UNCAPPED)
      const { sent: first } = await toB({ ackGasLimit: UNDELIVERABLE })
      const { sent: second } = await toB({ ackGasLimit: 100_000 })
      const acks: Hex[] = []
      for (const { message } of [first, second]) {
        const receipt = await relay(world, world.a, world.b, message)
        acks.push(sentIn(receipt, world.b).message)
      }
      const [stuckAck, nextAck] = acks as [Hex, Hex]
      expect(decodeMessage(stuckAck).gasLimit).toBe(UNDELIVERABLE)
      await expectRevert(
        relay(world, world.b, world.a, stuckAck, { gas: TX_GAS_CAP }),
        'EndpointInsufficientGas',
      )
      await expectRevert(relay(world, world.b, world.a, nextAck), 'EndpointNonceOutOfOrder', [
        channelOf(nextAck),
        1n,
        2n,
      ])
      expect(await appA.read.acksHandled()).toBe(0n)
    })

    it('send and quote refuse a gasLimit above the destination maxGasLimit', async () => {
      const over = MAX_GAS_LIMIT + 1
      const error = 'EndpointGasLimitTooHigh'
      const args = [DOMAIN_B, over, MAX_GAS_LIMIT]
      await expectRevert(world.a.endpoint.read.quote([DOMAIN_B, 0n, over, 0]), error, args)
      await expectRevert(
        world.a.endpoint.write.send([DOMAIN_B, recipient, '0x', over, 0, 0n], {
          value: 10n ** 18n,
        }),
        error,
        args,
      )
      await expectRevert(toB({ gasLimit: UNDELIVERABLE }), error, [
        DOMAIN_B,
        UNDELIVERABLE,
        MAX_GAS_LIMIT,
      ])
      // The limit itself is accepted.
      const { sent } = await toB({ gasLimit: MAX_GAS_LIMIT })
      expect(decodeMessage(sent.message).gasLimit).toBe(MAX_GAS_LIMIT)
    })

    it('send and quote refuse an ackGasLimit above the local domain maxGasLimit (not the destination)', async () => {
      await setMax(DOMAIN_B, UNCAPPED)
      await setMax(DOMAIN_A, 500_000)
      const error = 'EndpointAckGasLimitTooHigh'
      await expectRevert(world.a.endpoint.read.quote([DOMAIN_B, 0n, 1, 500_001]), error, [
        DOMAIN_A,
        500_001,
        500_000,
      ])
      await expectRevert(toB({ ackGasLimit: UNDELIVERABLE }), error, [
        DOMAIN_A,
        UNDELIVERABLE,
        500_000,
      ])
      const { sent } = await toB({ ackGasLimit: 500_000 })
      expect(decodeMessage(sent.message).ackGasLimit).toBe(500_000)
    })
  })

  describe('addFee (§9, §11): top-ups of messages this endpoint sent', () => {
    let sent: { id: Hex; message: Hex }

    beforeEach(async () => {
      const fee = await world.a.endpoint.read.quote([DOMAIN_B, 3n, 100_000, 0])
      const receipt = await world.mined(
        world.a.endpoint.write.send([DOMAIN_B, recipient, '0x010203', 100_000, 0, 0n], {
          value: fee,
        }),
      )
      sent = sentIn(receipt, world.a)
    })

    it('accepts a top-up of a sent message from anyone, emits FeeAdded, keeps the funds', async () => {
      const { endpoint } = world.a
      const before = await world.publicClient.getBalance({ address: endpoint.address })
      const receipt = await world.mined(
        endpoint.write.addFee([sent.message], { value: 12_345n, account: world.stranger.account }),
      )
      expect(eventsIn(receipt, world.a, 'FeeAdded')).toEqual([{ id: sent.id, amount: 12_345n }])
      await world.mined(endpoint.write.addFee([sent.message], { value: 1n }))
      expect(await world.publicClient.getBalance({ address: endpoint.address })).toBe(
        before + 12_346n,
      )
    })

    it('rejects a message never sent: a nonce past its channel, or a channel never used', async () => {
      const fields = decodeMessage(sent.message)
      const ahead = encodeMessage({ ...fields, nonce: 2n })
      await expectRevert(
        world.a.endpoint.write.addFee([ahead], { value: 1n }),
        'EndpointMessageNotSent',
        [getMessageId(ahead), 2n, 1n],
      )
      const unused = encodeMessage({
        ...fields,
        recipient: evmAddressToBytes32(world.bob.account.address),
      })
      await expectRevert(
        world.a.endpoint.write.addFee([unused], { value: 1n }),
        'EndpointMessageNotSent',
        [getMessageId(unused), 1n, 0n],
      )
      const zeroNonce = encodeMessage({ ...fields, nonce: 0n })
      await expectRevert(
        world.a.endpoint.write.addFee([zeroNonce], { value: 1n }),
        'EndpointMessageNotSent',
        [getMessageId(zeroNonce), 0n, 1n],
      )
    })

    it('rejects a message from another origin', async () => {
      await expectRevert(
        world.b.endpoint.write.addFee([sent.message], { value: 1n }),
        'EndpointWrongOrigin',
        [DOMAIN_B, DOMAIN_A],
      )
    })

    it('rejects a top-up without value', async () => {
      await expectRevert(world.a.endpoint.write.addFee([sent.message]), 'EndpointZeroFee', [
        sent.id,
      ])
    })

    it('rejects a malformed message with the §3 errors', async () => {
      await expectRevert(
        world.a.endpoint.write.addFee([slice(sent.message, 0, 97)], { value: 1n }),
        'EndpointMessageTooShort',
        [97n],
      )
      const fields = decodeMessage(sent.message)
      const odd = concat([slice(sent.message, 0, 94), '0x0000c350', slice(sent.message, 98)])
      await expectRevert(
        world.a.endpoint.write.addFee([odd], { value: 1n }),
        'EndpointAckRequestMismatch',
        [fields.flags, 50_000],
      )
    })
  })
})
