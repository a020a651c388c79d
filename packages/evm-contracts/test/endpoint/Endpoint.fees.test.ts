// Fees (PROTOCOL §9): quote, charge, refund, roles and withdrawal.
import { evmAddressToBytes32 } from '@ferry/sdk'
import { encodeFunctionData, getAddress, parseEther } from 'viem'
import { beforeEach, describe, expect, it } from 'vitest'
import { expectRevert } from '../helpers/revert.ts'
import {
  DOMAIN_A,
  DOMAIN_B,
  deployWorld,
  FEE_CONFIG,
  sentIn,
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

  it('lets only the fee manager configure fees, with a non-zero rate', async () => {
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
})
