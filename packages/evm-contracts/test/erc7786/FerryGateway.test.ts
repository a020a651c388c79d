// The ERC-7786 gateway end to end over two endpoints with real proofs: sending with a fee and
// with a parked (unpaid) message, delivery to an ERC-7786 recipient with the Ferry id as
// receiveId and an ERC-7930 sender, the attributes, and the failure rules of
// spec/apps/erc7786-gateway.md.
import {
  cosmWasmChainInterop,
  decodeInteropAddress,
  decodeMessage,
  encodeInteropAddress,
  evmAddressToBytes32,
  MessageStatus,
} from '@ferry/protocol'
import type { ContractReturnType } from '@nomicfoundation/hardhat-viem/types'
import {
  encodeErrorResult,
  getAddress,
  type Hex,
  parseEventLogs,
  size,
  stringToHex,
  type TransactionReceipt,
} from 'viem'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  ACK_GAS_LIMIT,
  attribute,
  DEFAULT_GAS_LIMIT,
  DELIVER_BEFORE,
  deployGatewayWorld,
  encodeGatewayBody,
  evmInterop,
  ferryGasLimit,
  type Gateway,
  type GatewayWorld,
  MIN_GAS_LIMIT,
} from '../helpers/gateway.ts'
import { decodeRevert, expectRevert } from '../helpers/revert.ts'
import { DOMAIN_A, DOMAIN_B, eventsIn, FEE_CONFIG, now, relay, sentIn } from '../helpers/world.ts'

type Recipient = ContractReturnType<'TestERC7786Recipient'>

/** A chain type no CAIP-350 profile uses, standing for a CosmWasm chain in these tests. */
const WASM_DOMAIN = 7001
const WASM_CHAIN = cosmWasmChainInterop('ferry-wasm-1')

describe('FerryGateway', () => {
  let world: GatewayWorld
  let recipient: Recipient
  let recipientInterop: Hex

  beforeEach(async () => {
    world = await deployGatewayWorld()
    recipient = await world.viem.deployContract('TestERC7786Recipient')
    recipientInterop = evmInterop(DOMAIN_B, recipient.address)
  })

  /** The gateway's ERC-7786 MessageSent events in a receipt. */
  function gatewaySent(receipt: TransactionReceipt, gateway: Gateway) {
    return parseEventLogs({
      abi: gateway.abi,
      logs: receipt.logs.filter((l) => l.address.toLowerCase() === gateway.address.toLowerCase()),
      eventName: 'MessageSent',
    }).map((l) => l.args)
  }

  /** Alice sends `payload` to the recipient on B through gateway A, paying the quote (+ overpay). */
  async function aliceSends(payload: Hex, attributes: readonly Hex[] = [], overpay = 0n) {
    const fee = await world.gatewayA.read.quoteMessage([recipientInterop, payload, attributes])
    const receipt = await world.mined(
      world.gatewayA.write.sendMessage([recipientInterop, payload, attributes], {
        value: fee + overpay,
        account: world.alice.account,
      }),
    )
    return { receipt, fee, sent: sentIn(receipt, world.a) }
  }

  async function deliveredIn(receipt: TransactionReceipt) {
    const [delivered] = eventsIn(receipt, world.b, 'MessageDelivered')
    if (!delivered) throw new Error('not delivered')
    return delivered
  }

  it('a paid message reaches the recipient with the Ferry id as receiveId and the ERC-7930 sender', async () => {
    const payload = stringToHex('hello, ERC-7786')
    const { receipt, sent } = await aliceSends(payload)

    // ERC-7786 MessageSent: sendId 0 (nothing more to do), the sender on eip155:31337, value 0.
    expect(gatewaySent(receipt, world.gatewayA)).toEqual([
      {
        sendId: `0x${'00'.repeat(32)}`,
        sender: evmInterop(DOMAIN_A, world.alice.account.address).toLowerCase(),
        recipient: recipientInterop.toLowerCase(),
        payload,
        value: 0n,
        attributes: [],
      },
    ])
    // The Ferry message: gateway to gateway, the body of the spec, the default gas.
    const message = decodeMessage(sent.message)
    expect(message.sender).toBe(evmAddressToBytes32(world.gatewayA.address))
    expect(message.recipient).toBe(evmAddressToBytes32(world.gatewayB.address))
    expect(message.gasLimit).toBe(ferryGasLimit(DEFAULT_GAS_LIMIT, size(payload)))
    expect(message.body).toBe(
      encodeGatewayBody({
        gasLimit: message.gasLimit,
        sender: world.alice.account.address,
        recipient: recipient.address,
        payload,
      }),
    )

    const delivered = await deliveredIn(await relay(world, world.a, world.b, sent.message))
    expect(delivered.status).toBe(MessageStatus.Executed)
    expect(delivered.result).toBe('0x')
    expect(await recipient.read.lastReceiveId()).toBe(sent.id)
    expect(await recipient.read.lastPayload()).toBe(payload)
    expect(getAddress(await recipient.read.lastGateway())).toBe(getAddress(world.gatewayB.address))
    // The sender decodes to eip155:31337 and alice's 20 bytes.
    const sender = decodeInteropAddress(await recipient.read.lastSender())
    expect(sender).toEqual({
      chainType: 0,
      reference: '0x7a69',
      address: world.alice.account.address.toLowerCase(),
    })
    // The recipient got at least the default gas.
    expect(await recipient.read.lastGas()).toBeGreaterThanOrEqual(BigInt(DEFAULT_GAS_LIMIT))
  })

  it('refunds an overpaid fee exactly; the endpoint keeps the quote', async () => {
    const payload = stringToHex('refund')
    const before = await world.publicClient.getBalance({ address: world.alice.account.address })
    const endpointBefore = await world.publicClient.getBalance({
      address: world.a.endpoint.address,
    })
    const { receipt, fee } = await aliceSends(payload, [], 123_456_789n)
    const after = await world.publicClient.getBalance({ address: world.alice.account.address })
    expect(fee).toBe(
      await world.a.endpoint.read.quote([
        DOMAIN_B,
        BigInt(81 + size(payload)),
        ferryGasLimit(DEFAULT_GAS_LIMIT, size(payload)),
        0,
      ]),
    )
    expect(before - after).toBe(fee + receipt.gasUsed * receipt.effectiveGasPrice)
    expect(
      (await world.publicClient.getBalance({ address: world.a.endpoint.address })) - endpointBefore,
    ).toBe(fee)
    expect(await world.publicClient.getBalance({ address: world.gatewayA.address })).toBe(0n)
  })

  it('an underpaid fee is refused by the endpoint', async () => {
    const payload = stringToHex('cheap')
    const fee = await world.gatewayA.read.quoteMessage([recipientInterop, payload, []])
    await expectRevert(
      world.gatewayA.write.sendMessage([recipientInterop, payload, []], {
        value: fee - 1n,
        account: world.alice.account,
      }),
      'EndpointFeeTooLow',
      [fee, fee - 1n],
    )
  })

  it('a message sent without value is parked with a non-zero sendId; anyone pays it later, refunded exactly', async () => {
    const payload = stringToHex('pay me later')
    const receipt = await world.mined(
      world.gatewayA.write.sendMessage([recipientInterop, payload, []], {
        account: world.alice.account,
      }),
    )
    const [event] = gatewaySent(receipt, world.gatewayA)
    const sendId = event!.sendId
    expect(BigInt(sendId)).not.toBe(0n)
    expect(eventsIn(receipt, world.a, 'MessageSent')).toEqual([])
    expect(await world.gatewayA.read.isPending([sendId])).toBe(true)

    // A payload that is not the parked one is refused.
    await expectRevert(
      world.gatewayA.write.payPending(
        [sendId, world.alice.account.address, recipientInterop, stringToHex('other'), []],
        { value: 10n ** 18n, account: world.bob.account },
      ),
      'FerryGatewayPendingMismatch',
      [sendId],
    )

    // Bob pays, overpaying; he gets the excess back exactly.
    const fee = await world.gatewayA.read.quoteMessage([recipientInterop, payload, []])
    const before = await world.publicClient.getBalance({ address: world.bob.account.address })
    const paid = await world.mined(
      world.gatewayA.write.payPending(
        [sendId, world.alice.account.address, recipientInterop, payload, []],
        { value: fee + 999n, account: world.bob.account },
      ),
    )
    const after = await world.publicClient.getBalance({ address: world.bob.account.address })
    expect(before - after).toBe(fee + paid.gasUsed * paid.effectiveGasPrice)
    const sent = sentIn(paid, world.a)
    const [pendingSent] = parseEventLogs({
      abi: world.gatewayA.abi,
      logs: paid.logs,
      eventName: 'PendingMessageSent',
    })
    expect(pendingSent?.args).toEqual({
      sendId,
      messageId: sent.id,
      payer: getAddress(world.bob.account.address),
    })
    expect(await world.gatewayA.read.isPending([sendId])).toBe(false)

    // The sender is alice (who called sendMessage), not bob (who paid).
    await relay(world, world.a, world.b, sent.message)
    expect(await recipient.read.lastReceiveId()).toBe(sent.id)
    expect(decodeInteropAddress(await recipient.read.lastSender()).address).toBe(
      world.alice.account.address.toLowerCase(),
    )

    // It cannot be sent twice.
    await expectRevert(
      world.gatewayA.write.payPending(
        [sendId, world.alice.account.address, recipientInterop, payload, []],
        { value: fee, account: world.bob.account },
      ),
      'FerryGatewayUnknownPending',
      [sendId],
    )
  })

  it('attributes: minGasLimit, ackGasLimit and deliverBefore set the Ferry message; the ack comes back', async () => {
    expect(MIN_GAS_LIMIT).toBe('0x39f87ba1')
    expect(DELIVER_BEFORE).toBe('0x3e97d7ee')
    expect(ACK_GAS_LIMIT).toBe('0xd6a3a60e')
    for (const selector of [MIN_GAS_LIMIT, ACK_GAS_LIMIT, DELIVER_BEFORE]) {
      expect(await world.gatewayA.read.supportsAttribute([selector])).toBe(true)
    }
    expect(await world.gatewayA.read.supportsAttribute(['0x12345678'])).toBe(false)

    const deadline = (await now(world)) + 3_600n
    const payload = stringToHex('with attributes')
    const { sent } = await aliceSends(payload, [
      attribute(MIN_GAS_LIMIT, 500_000),
      attribute(ACK_GAS_LIMIT, 80_000),
      attribute(DELIVER_BEFORE, deadline),
    ])
    const message = decodeMessage(sent.message)
    expect(message.gasLimit).toBe(ferryGasLimit(500_000, size(payload)))
    expect(message.ackGasLimit).toBe(80_000)
    expect(message.deadline).toBe(deadline)

    const receipt = await relay(world, world.a, world.b, sent.message)
    expect((await deliveredIn(receipt)).status).toBe(MessageStatus.Executed)
    expect(await recipient.read.lastReceiveId()).toBe(sent.id)
    expect(await recipient.read.lastGas()).toBeGreaterThanOrEqual(500_000n)

    const [ack] = eventsIn(receipt, world.b, 'MessageSent')
    const back = await relay(world, world.b, world.a, ack!.message)
    const [acknowledged] = parseEventLogs({
      abi: world.gatewayA.abi,
      logs: back.logs,
      eventName: 'MessageAcknowledged',
    })
    expect(acknowledged?.args).toEqual({ messageId: sent.id, status: MessageStatus.Executed })
  })

  it('a message past its deliverBefore times out without reaching the recipient', async () => {
    const deadline = (await now(world)) + 60n
    const { sent } = await aliceSends(stringToHex('late'), [attribute(DELIVER_BEFORE, deadline)])
    await world.testClient.increaseTime({ seconds: 120 })
    await world.testClient.mine({ blocks: 1 })
    const delivered = await deliveredIn(await relay(world, world.a, world.b, sent.message))
    expect(delivered.status).toBe(MessageStatus.TimedOut)
    expect(await recipient.read.received()).toBe(0n)
  })

  it('refuses unknown, malformed, repeated and out-of-range attributes', async () => {
    const payload = stringToHex('x')
    const send = (attributes: readonly Hex[]) =>
      world.gatewayA.write.sendMessage([recipientInterop, payload, attributes], {
        value: 10n ** 18n,
        account: world.alice.account,
      })
    const unknown = attribute('0x12345678', 1)
    await expectRevert(send([unknown]), 'UnsupportedAttribute', ['0x12345678'])
    await expectRevert(send(['0x39f8']), 'UnsupportedAttribute', ['0x39f80000'])
    await expectRevert(send([`${MIN_GAS_LIMIT}00`]), 'FerryGatewayMalformedAttribute', [
      MIN_GAS_LIMIT,
      5n,
    ])
    await expectRevert(
      send([attribute(ACK_GAS_LIMIT, 1), attribute(ACK_GAS_LIMIT, 2)]),
      'FerryGatewayDuplicateAttribute',
      [ACK_GAS_LIMIT],
    )
    await expectRevert(
      send([attribute(ACK_GAS_LIMIT, 2n ** 32n)]),
      'FerryGatewayAttributeOutOfRange',
      [ACK_GAS_LIMIT, 2n ** 32n],
    )
    await expectRevert(
      send([attribute(DELIVER_BEFORE, 2n ** 64n)]),
      'FerryGatewayAttributeOutOfRange',
      [DELIVER_BEFORE, 2n ** 64n],
    )
    // A gas limit that fits uint32 but not once the gateway's own gas is added.
    await expectRevert(
      send([attribute(MIN_GAS_LIMIT, 2n ** 32n - 1n)]),
      'FerryGatewayAttributeOutOfRange',
      [MIN_GAS_LIMIT, 2n ** 32n - 1n],
    )
    // Above the destination's maxGasLimit: the endpoint's own error.
    await expectRevert(send([attribute(MIN_GAS_LIMIT, 20_000_000)]), 'EndpointGasLimitTooHigh')
    // The same rules in the quote.
    await expectRevert(
      world.gatewayA.read.quoteMessage([recipientInterop, payload, [unknown]]),
      'UnsupportedAttribute',
      ['0x12345678'],
    )
  })

  it('refuses recipients on unknown chains and recipients that are not ERC-7930 addresses', async () => {
    const payload = stringToHex('x')
    const send = (to: Hex) =>
      world.gatewayA.write.sendMessage([to, payload, []], {
        value: 10n ** 18n,
        account: world.alice.account,
      })
    await expectRevert(send(evmInterop(1, recipient.address)), 'FerryGatewayUnknownChain', [
      '0x0000',
      '0x01',
    ])
    for (const bad of [
      '0x',
      evmInterop(DOMAIN_B), // no address
      '0x00010000027a6a021234', // an EVM address of 2 bytes (the codec refuses to write it)
      `0x0002${evmInterop(DOMAIN_B, recipient.address).slice(6)}`, // version 2
    ] as Hex[]) {
      await expectRevert(send(bad), 'FerryGatewayInvalidRecipient', [bad])
    }
  })

  it('a recipient returning a wrong selector fails the message; once fixed, a retry delivers it with the same receiveId', async () => {
    await world.mined(recipient.write.setMode([1]))
    const { sent } = await aliceSends(stringToHex('strict'))
    const delivered = await deliveredIn(await relay(world, world.a, world.b, sent.message))
    expect(delivered.status).toBe(MessageStatus.Failed)
    expect(await decodeRevert(delivered.result)).toEqual({
      errorName: 'FerryGatewayWrongSelector',
      args: [getAddress(recipient.address), '0xdeadbeef'],
    })
    expect(await recipient.read.received()).toBe(0n)

    await world.mined(recipient.write.setMode([0]))
    const gasLimit = decodeMessage(sent.message).gasLimit
    const retried = await world.mined(
      world.b.endpoint.write.retry([sent.message, gasLimit], { account: world.relayer.account }),
    )
    expect(eventsIn(retried, world.b, 'MessageRetried')[0]).toMatchObject({
      id: sent.id,
      status: MessageStatus.Executed,
    })
    expect(await recipient.read.received()).toBe(1n)
    expect(await recipient.read.lastReceiveId()).toBe(sent.id)
  })

  it('a recipient without code is not silently received: the message is Failed', async () => {
    const eoa = world.stranger.account.address
    const to = evmInterop(DOMAIN_B, eoa)
    const fee = await world.gatewayA.read.quoteMessage([to, '0x', []])
    const sent = sentIn(
      await world.mined(
        world.gatewayA.write.sendMessage([to, '0x', []], {
          value: fee,
          account: world.alice.account,
        }),
      ),
      world.a,
    )
    const delivered = await deliveredIn(await relay(world, world.a, world.b, sent.message))
    expect(delivered.status).toBe(MessageStatus.Failed)
    expect(await decodeRevert(delivered.result)).toEqual({
      errorName: 'FerryGatewayWrongSelector',
      args: [getAddress(eoa), '0x00000000'],
    })
  })

  it('a reverting recipient fails the message with its own revert data', async () => {
    await world.mined(recipient.write.setMode([2]))
    const { sent } = await aliceSends(stringToHex('no'))
    const delivered = await deliveredIn(await relay(world, world.a, world.b, sent.message))
    expect(delivered.status).toBe(MessageStatus.Failed)
    expect(delivered.result).toBe(
      encodeErrorResult({
        abi: recipient.abi,
        errorName: 'TestERC7786RecipientRefused',
        args: [sent.id],
      }),
    )
  })

  it('security: a message from an app that is not the peer gateway is refused', async () => {
    const forger = await world.viem.deployContract('TestRecipient')
    const body = encodeGatewayBody({
      gasLimit: 300_000,
      sender: world.owner.account.address,
      recipient: recipient.address,
      payload: stringToHex('forged'),
    })
    const fee = await world.a.endpoint.read.quote([DOMAIN_B, BigInt(size(body)), 300_000, 0])
    const receipt = await world.mined(
      forger.write.sendVia(
        [
          world.a.endpoint.address,
          DOMAIN_B,
          evmAddressToBytes32(world.gatewayB.address),
          body,
          300_000,
          0,
          0n,
        ],
        { value: fee, account: world.alice.account },
      ),
    )
    const sent = sentIn(receipt, world.a)
    const delivered = await deliveredIn(await relay(world, world.a, world.b, sent.message))
    expect(delivered.status).toBe(MessageStatus.Failed)
    expect(await decodeRevert(delivered.result)).toEqual({
      errorName: 'EndpointAppNotPeer',
      args: [DOMAIN_A, evmAddressToBytes32(forger.address)],
    })
    expect(await recipient.read.received()).toBe(0n)
  })

  it('a sender on a CosmWasm chain is named with its 32 bytes on that chain', async () => {
    // Stand-in for the CosmWasm gateway: an app on A that B's gateway takes as its peer on a
    // domain mapped to a CosmWasm chain, sending the body a CosmWasm gateway would.
    const wasmGateway = await world.viem.deployContract('TestRecipient')
    await world.mined(world.gatewayB.write.setChain([DOMAIN_A, WASM_CHAIN]))
    await world.mined(
      world.gatewayB.write.setPeer([DOMAIN_A, evmAddressToBytes32(wasmGateway.address)]),
    )
    const contract: Hex = `0x${'ab'.repeat(32)}`
    const gasLimit = 300_000
    const body = encodeGatewayBody({
      gasLimit,
      sender: contract,
      recipient: recipient.address,
      payload: '0x01',
    })
    const fee = await world.a.endpoint.read.quote([DOMAIN_B, BigInt(size(body)), gasLimit, 0])
    const sent = sentIn(
      await world.mined(
        wasmGateway.write.sendVia(
          [
            world.a.endpoint.address,
            DOMAIN_B,
            evmAddressToBytes32(world.gatewayB.address),
            body,
            gasLimit,
            0,
            0n,
          ],
          { value: fee, account: world.alice.account },
        ),
      ),
      world.a,
    )
    const delivered = await deliveredIn(await relay(world, world.a, world.b, sent.message))
    expect(delivered.status).toBe(MessageStatus.Executed)
    expect(await recipient.read.lastReceiveId()).toBe(sent.id)
    expect(await recipient.read.lastSender()).toBe(
      encodeInteropAddress({ ...decodeInteropAddress(WASM_CHAIN), address: contract }),
    )
  })

  it('sends to a 32-byte recipient on a CosmWasm chain', async () => {
    const wasmGateway: Hex = `0x${'cd'.repeat(32)}`
    await world.mined(world.gatewayA.write.setChain([WASM_DOMAIN, WASM_CHAIN]))
    await world.mined(world.gatewayA.write.setPeer([WASM_DOMAIN, wasmGateway]))
    await world.mined(
      world.a.endpoint.write.setFeeConfig([WASM_DOMAIN, FEE_CONFIG], {
        account: world.feeManager.account,
      }),
    )
    const contract: Hex = `0x${'ef'.repeat(32)}`
    const to = encodeInteropAddress({ ...decodeInteropAddress(WASM_CHAIN), address: contract })
    const fee = await world.gatewayA.read.quoteMessage([to, '0x02', []])
    const sent = sentIn(
      await world.mined(
        world.gatewayA.write.sendMessage([to, '0x02', []], {
          value: fee,
          account: world.alice.account,
        }),
      ),
      world.a,
    )
    const message = decodeMessage(sent.message)
    expect(message.destination).toBe(WASM_DOMAIN)
    expect(message.recipient).toBe(wasmGateway)
    expect(message.body).toBe(
      encodeGatewayBody({
        gasLimit: message.gasLimit,
        sender: world.alice.account.address,
        recipient: contract,
        payload: '0x02',
      }),
    )
  })

  it('chains: mapped both ways, a chain names one domain, only the owner maps', async () => {
    expect(await world.gatewayA.read.chainOf([DOMAIN_B])).toBe(evmInterop(DOMAIN_B))
    expect(await world.gatewayA.read.chainOf([DOMAIN_A])).toBe(evmInterop(DOMAIN_A))
    expect(await world.gatewayA.read.domainOf([evmInterop(DOMAIN_B, recipient.address)])).toEqual([
      true,
      DOMAIN_B,
    ])
    expect(await world.gatewayA.read.domainOf([evmInterop(5)])).toEqual([false, 0])

    await expectRevert(
      world.gatewayA.write.setChain([9, evmInterop(DOMAIN_B)]),
      'FerryGatewayChainTaken',
      [evmInterop(DOMAIN_B), DOMAIN_B],
    )
    const withAddress = evmInterop(9, recipient.address)
    await expectRevert(
      world.gatewayA.write.setChain([9, withAddress]),
      'FerryGatewayInvalidChain',
      [withAddress],
    )
    await expectRevert(
      world.gatewayA.write.setChain([9, evmInterop(9)], { account: world.stranger.account }),
      'OwnableUnauthorizedAccount',
      [getAddress(world.stranger.account.address)],
    )

    // Remapping a domain frees its old chain; removing it unmaps both ways.
    await world.mined(world.gatewayA.write.setChain([DOMAIN_B, evmInterop(424242)]))
    expect(await world.gatewayA.read.domainOf([evmInterop(DOMAIN_B)])).toEqual([false, 0])
    expect(await world.gatewayA.read.domainOf([evmInterop(424242)])).toEqual([true, DOMAIN_B])
    await world.mined(world.gatewayA.write.setChain([DOMAIN_B, '0x']))
    expect(await world.gatewayA.read.chainOf([DOMAIN_B])).toBe('0x')
    expect(await world.gatewayA.read.domainOf([evmInterop(424242)])).toEqual([false, 0])
  })

  it('a message from a domain mapped to no chain fails (retryable once mapped)', async () => {
    await world.mined(world.gatewayB.write.setChain([DOMAIN_A, '0x']))
    const { sent } = await aliceSends(stringToHex('who?'))
    const delivered = await deliveredIn(await relay(world, world.a, world.b, sent.message))
    expect(delivered.status).toBe(MessageStatus.Failed)
    expect(await decodeRevert(delivered.result)).toEqual({
      errorName: 'FerryGatewayUnknownDomain',
      args: [DOMAIN_A],
    })
    await world.mined(world.gatewayB.write.setChain([DOMAIN_A, evmInterop(DOMAIN_A)]))
    await world.mined(
      world.b.endpoint.write.retry([sent.message, decodeMessage(sent.message).gasLimit]),
    )
    expect(await recipient.read.lastReceiveId()).toBe(sent.id)
  })

  it('a contract caller that refuses the refund of an overpaid fee is refused', async () => {
    const sender = await world.viem.deployContract('GatewayBenchSender')
    const payload = stringToHex('no refunds')
    const fee = await world.gatewayA.read.quoteMessage([recipientInterop, payload, []])
    await expectRevert(
      sender.write.sendViaGateway([world.gatewayA.address, recipientInterop, payload], {
        value: fee + 1n,
        account: world.alice.account,
      }),
      'FerryGatewayRefundFailed',
      [getAddress(sender.address), 1n],
    )
    // Paying exactly the quote needs no refund.
    const receipt = await world.mined(
      sender.write.sendViaGateway([world.gatewayA.address, recipientInterop, payload], {
        value: fee,
        account: world.alice.account,
      }),
    )
    expect(sentIn(receipt, world.a)).toBeDefined()
  })

  it('echoes the attributes in MessageSent', async () => {
    const attributes = [attribute(ACK_GAS_LIMIT, 50_000), attribute(MIN_GAS_LIMIT, 90_000)]
    const { receipt } = await aliceSends('0x', attributes)
    expect(gatewaySent(receipt, world.gatewayA)[0]?.attributes).toEqual(attributes)
  })

  it('the recipient gets its minGasLimit with the largest payload a body holds', async () => {
    await world.mined(recipient.write.setMode([3])) // records the gas and the id only
    const length = 65_536 - 81
    const payload = `0x${'ab'.repeat(length)}` as Hex
    const { sent } = await aliceSends(payload, [attribute(MIN_GAS_LIMIT, 100_000)])
    expect(decodeMessage(sent.message).gasLimit).toBe(ferryGasLimit(100_000, length))
    const delivered = await deliveredIn(await relay(world, world.a, world.b, sent.message))
    expect(delivered.status).toBe(MessageStatus.Executed)
    // The gateway spends about 82,000 of the 161,000 it keeps for a payload this long.
    expect(await recipient.read.lastGas()).toBeGreaterThanOrEqual(100_000n)
    expect(await recipient.read.lastReceiveId()).toBe(sent.id)
  })

  it('a message that times out with an ack request is acknowledged as TimedOut on the origin', async () => {
    const deadline = (await now(world)) + 60n
    await world.mined(recipient.write.setMode([2]))
    const { sent } = await aliceSends(stringToHex('too late'), [
      attribute(DELIVER_BEFORE, deadline),
      attribute(ACK_GAS_LIMIT, 60_000),
    ])
    const failed = await deliveredIn(await relay(world, world.a, world.b, sent.message))
    expect(failed.status).toBe(MessageStatus.Failed)
    await world.testClient.increaseTime({ seconds: 120 })
    await world.testClient.mine({ blocks: 1 })
    const timedOut = await world.mined(
      world.b.endpoint.write.timeout([sent.message], { account: world.relayer.account }),
    )
    const [ack] = eventsIn(timedOut, world.b, 'MessageSent')
    const back = await relay(world, world.b, world.a, ack!.message)
    const [acknowledged] = parseEventLogs({
      abi: world.gatewayA.abi,
      logs: back.logs,
      eventName: 'MessageAcknowledged',
    })
    expect(acknowledged?.args).toEqual({ messageId: sent.id, status: MessageStatus.TimedOut })
  })

  it('a peer’s malformed bodies fail with named errors', async () => {
    // Stand-in for a faulty peer gateway: an app on A that B's gateway takes as its peer.
    const peer = await world.viem.deployContract('TestRecipient')
    await world.mined(world.gatewayB.write.setPeer([DOMAIN_A, evmAddressToBytes32(peer.address)]))
    const good = encodeGatewayBody({
      gasLimit: 300_000,
      sender: world.alice.account.address,
      recipient: recipient.address,
      payload: '0x',
    })
    const cases: [Hex, string, readonly unknown[]][] = [
      [good.slice(0, 2 + 80 * 2) as Hex, 'FerryGatewayMalformedBody', [80n]],
      [`0x02${good.slice(4)}`, 'FerryGatewayUnknownVersion', [2]],
      [
        encodeGatewayBody({
          gasLimit: 300_000,
          sender: world.alice.account.address,
          recipient: `0x${'11'.repeat(32)}`,
          payload: '0x',
        }),
        'FerryGatewayNotEvmRecipient',
        [`0x${'11'.repeat(32)}`],
      ],
    ]
    for (const [body, errorName, args] of cases) {
      const fee = await world.a.endpoint.read.quote([DOMAIN_B, BigInt(size(body)), 300_000, 0])
      const sent = sentIn(
        await world.mined(
          peer.write.sendVia(
            [
              world.a.endpoint.address,
              DOMAIN_B,
              evmAddressToBytes32(world.gatewayB.address),
              body,
              300_000,
              0,
              0n,
            ],
            { value: fee, account: world.alice.account },
          ),
        ),
        world.a,
      )
      const delivered = await deliveredIn(await relay(world, world.a, world.b, sent.message))
      expect(delivered.status, errorName).toBe(MessageStatus.Failed)
      expect(await decodeRevert(delivered.result)).toEqual({ errorName, args })
    }
    expect(await recipient.read.received()).toBe(0n)
  })
})
