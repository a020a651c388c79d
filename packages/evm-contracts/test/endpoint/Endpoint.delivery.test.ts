// deliver / deliverBatch / retry / timeout between two endpoints (31337 and 31338) on one chain.
import {
  decodeAckBody,
  decodeMessage,
  encodeBatchProofs,
  encodeProof,
  evmAddressToBytes32,
  getChannelKey,
  MessageStatus,
} from '@ferry/protocol'
import { encodeAbiParameters, encodeFunctionData, type Hex, size, toFunctionSelector } from 'viem'
import { beforeEach, describe, expect, it } from 'vitest'
import { decodeRevert, expectRevert } from '../helpers/revert.ts'
import {
  currentCheckpoint,
  DOMAIN_A,
  DOMAIN_B,
  deployWorld,
  eventsIn,
  gasLimitOf,
  now,
  prove,
  relay,
  sendFrom,
  sentIn,
  signBy,
  type TestRecipient,
  VALIDATOR_ADDRESSES,
  type World,
} from '../helpers/world.ts'

const REENTRANCY_ERROR = toFunctionSelector('ReentrancyGuardReentrantCall()')

describe('Endpoint delivery', () => {
  let world: World
  let appA: TestRecipient
  let appB: TestRecipient

  beforeEach(async () => {
    world = await deployWorld()
    appA = await world.viem.deployContract('TestRecipient')
    appB = await world.viem.deployContract('TestRecipient')
  })

  const toB = (recipient: Hex, options?: Parameters<typeof sendFrom>[5]) =>
    sendFrom(world, appA, world.a, DOMAIN_B, recipient, options)
  const channelOf = (message: Hex) => getChannelKey(decodeMessage(message))

  it('happy path: send → sign → deliver → ack back, between 31337 and 31338', async () => {
    const result = encodeAbiParameters([{ type: 'uint256' }], [42n])
    await appB.write.setResult([result])
    const { sent } = await toB(evmAddressToBytes32(appB.address), {
      body: '0xc0ffee',
      ackGasLimit: 120_000,
    })

    const message = decodeMessage(sent.message)
    expect(message).toMatchObject({
      flags: 2,
      origin: DOMAIN_A,
      sender: evmAddressToBytes32(appA.address),
      destination: DOMAIN_B,
      recipient: evmAddressToBytes32(appB.address),
      nonce: 1n,
      gasLimit: 200_000,
      ackGasLimit: 120_000,
      body: '0xc0ffee',
    })
    expect(sent.leafIndex).toBe(0)
    expect(await world.a.endpoint.read.outboundNonce([channelOf(sent.message)])).toBe(1n)

    const receipt = await relay(world, world.a, world.b, sent.message)
    expect(eventsIn(receipt, world.b, 'MessageDelivered')).toEqual([
      {
        id: sent.id,
        origin: DOMAIN_A,
        sender: message.sender,
        nonce: 1n,
        status: MessageStatus.Executed,
        result,
      },
    ])
    expect(await appB.read.lastBody()).toBe('0xc0ffee')
    expect(await appB.read.lastSender()).toBe(message.sender)
    expect(await appB.read.lastOrigin()).toBe(DOMAIN_A)
    expect(await appB.read.lastNonce()).toBe(1n)
    expect(await world.b.endpoint.read.messageStatus([sent.message])).toBe(MessageStatus.Executed)
    expect(await world.b.endpoint.read.storedStatus([sent.id])).toBe(MessageStatus.None)
    expect(await world.b.endpoint.read.inboundNonce([channelOf(sent.message)])).toBe(1n)

    // The ack: from appB back to appA, IS_ACK, gasLimit = ackGasLimit, no deadline.
    const ack = sentIn(receipt, world.b)
    const ackMessage = decodeMessage(ack.message)
    expect(ackMessage).toMatchObject({
      flags: 1,
      origin: DOMAIN_B,
      sender: message.recipient,
      destination: DOMAIN_A,
      recipient: message.sender,
      nonce: 1n,
      deadline: 0n,
      gasLimit: 120_000,
      ackGasLimit: 0,
    })
    expect(decodeAckBody(ackMessage.body)).toEqual({
      originalId: sent.id,
      status: MessageStatus.Executed,
      result,
    })

    const ackReceipt = await relay(world, world.b, world.a, ack.message)
    expect(eventsIn(ackReceipt, world.a, 'AckDelivered')).toEqual([
      {
        ackId: ack.id,
        originalId: sent.id,
        originalStatus: MessageStatus.Executed,
        status: MessageStatus.Executed,
      },
    ])
    expect(await appA.read.lastAckId()).toBe(sent.id)
    expect(await appA.read.lastAckStatus()).toBe(MessageStatus.Executed)
    expect(await appA.read.lastAckResult()).toBe(result)
    expect(await world.a.endpoint.read.inboundNonce([channelOf(ack.message)])).toBe(1n)
    // Acks never request acks: nothing more was sent.
    expect(eventsIn(ackReceipt, world.a, 'MessageSent')).toEqual([])
    expect(await world.a.endpoint.read.ackContext()).toEqual([0, `0x${'0'.repeat(64)}`])
  })

  it('rejects a replay of a delivered message (NonceOutOfOrder)', async () => {
    const { sent } = await toB(evmAddressToBytes32(appB.address))
    const proof = await prove(world, world.a, sent.message)
    await world.mined(world.b.endpoint.write.deliver([sent.message, proof]))
    await expectRevert(
      world.b.endpoint.write.deliver([sent.message, proof]),
      'EndpointNonceOutOfOrder',
      [channelOf(sent.message), 2n, 1n],
    )
    expect(await appB.read.handled()).toBe(1n)
  })

  it('bad proofs of a live message revert the delivery with the verifier error; it stays undelivered', async () => {
    const { sent } = await toB(evmAddressToBytes32(appB.address))
    const { checkpoint, tree } = await currentCheckpoint(world, world.a)
    const [s0, s1, s2] = await signBy(checkpoint, [0, 1, 2])
    const branch = tree.getProof(sent.leafIndex, checkpoint.index + 1).branch
    const proofWith = (signatures: Hex[], leafIndex = sent.leafIndex) =>
      encodeProof({ checkpointIndex: checkpoint.index, leafIndex, branch, signatures })
    const deliver = (proof: Hex) => world.b.endpoint.write.deliver([sent.message, proof])
    const [v0, v1] = VALIDATOR_ADDRESSES

    await expectRevert(deliver(proofWith([s0!, s1!])), 'MultisigVerifierThresholdNotMet', [2n, 3n])
    await expectRevert(deliver(proofWith([s0!, s0!, s1!])), 'MultisigVerifierSignersNotAscending', [
      v0,
      v0,
    ])
    await expectRevert(deliver(proofWith([s1!, s0!, s2!])), 'MultisigVerifierSignersNotAscending', [
      v1,
      v0,
    ])
    await expectRevert(
      deliver(proofWith([s0!, s1!, s2!], checkpoint.index + 1)),
      'MultisigVerifierLeafIndexTooHigh',
      [checkpoint.index + 1, checkpoint.index],
    )
    expect(await world.b.endpoint.read.messageStatus([sent.message])).toBe(MessageStatus.None)
    await world.mined(deliver(proofWith([s0!, s1!, s2!])))
    expect(await world.b.endpoint.read.messageStatus([sent.message])).toBe(MessageStatus.Executed)
  })

  it('rejects nonce n+1 before n, then takes them in order', async () => {
    const first = await toB(evmAddressToBytes32(appB.address))
    const second = await toB(evmAddressToBytes32(appB.address))
    const channel = channelOf(first.sent.message)
    await expectRevert(
      world.b.endpoint.write.deliver([
        second.sent.message,
        await prove(world, world.a, second.sent.message),
      ]),
      'EndpointNonceOutOfOrder',
      [channel, 1n, 2n],
    )
    await relay(world, world.a, world.b, first.sent.message)
    await relay(world, world.a, world.b, second.sent.message)
    expect(await world.b.endpoint.read.inboundNonce([channel])).toBe(2n)
  })

  it('recipient reverts → Failed (no ack), retry still failing, then retry → Executed with one ack', async () => {
    const reverting = await world.viem.deployContract('RevertingRecipient')
    const { sent } = await toB(evmAddressToBytes32(reverting.address), { ackGasLimit: 100_000 })
    const receipt = await relay(world, world.a, world.b, sent.message)
    const [delivered] = eventsIn(receipt, world.b, 'MessageDelivered')
    expect(delivered?.status).toBe(MessageStatus.Failed)
    expect(await decodeRevert(delivered!.result)).toEqual({
      errorName: 'RevertingRecipientReverted',
      args: [1n],
    })
    expect(eventsIn(receipt, world.b, 'MessageSent')).toEqual([]) // Failed is not final
    expect(await world.b.endpoint.read.storedStatus([sent.id])).toBe(MessageStatus.Failed)
    expect(await world.b.endpoint.read.messageStatus([sent.message])).toBe(MessageStatus.Failed)
    expect(await world.b.endpoint.read.lastRevertData([sent.id])).toBe(delivered!.result)

    const stillFailing = await world.mined(
      world.b.endpoint.write.retry([sent.message, gasLimitOf(sent.message)], {
        account: world.stranger.account,
      }),
    )
    expect(eventsIn(stillFailing, world.b, 'MessageRetried')).toEqual([
      { id: sent.id, status: MessageStatus.Failed, result: delivered!.result },
    ])

    await reverting.write.setReverting([false])
    const retried = await world.mined(
      world.b.endpoint.write.retry([sent.message, gasLimitOf(sent.message)]),
    )
    expect(eventsIn(retried, world.b, 'MessageRetried')).toEqual([
      { id: sent.id, status: MessageStatus.Executed, result: '0x' },
    ])
    const ack = decodeMessage(sentIn(retried, world.b).message)
    expect(decodeAckBody(ack.body)).toEqual({
      originalId: sent.id,
      status: MessageStatus.Executed,
      result: '0x',
    })
    expect(await world.b.endpoint.read.storedStatus([sent.id])).toBe(MessageStatus.Executed)
    expect(await world.b.endpoint.read.lastRevertData([sent.id])).toBe('0x')
    expect(await reverting.read.handled()).toBe(1n)
    await expectRevert(
      world.b.endpoint.write.retry([sent.message, gasLimitOf(sent.message)]),
      'EndpointNotRetryable',
      [sent.id, MessageStatus.Executed],
    )
  })

  it('deadline passed at delivery → TimedOut, handler not called, exactly one ack', async () => {
    const deadline = (await now(world)) + 100n
    const { sent } = await toB(evmAddressToBytes32(appB.address), {
      ackGasLimit: 100_000,
      deadline,
    })
    await world.testClient.setNextBlockTimestamp({ timestamp: deadline + 1n })
    const receipt = await relay(world, world.a, world.b, sent.message)
    expect(eventsIn(receipt, world.b, 'MessageDelivered')).toMatchObject([
      { id: sent.id, status: MessageStatus.TimedOut, result: '0x' },
    ])
    expect(await appB.read.handled()).toBe(0n)
    const acks = eventsIn(receipt, world.b, 'MessageSent')
    expect(acks).toHaveLength(1)
    expect(decodeAckBody(decodeMessage(acks[0]!.message).body)).toEqual({
      originalId: sent.id,
      status: MessageStatus.TimedOut,
      result: '0x',
    })
    expect(await world.b.endpoint.read.messageStatus([sent.message])).toBe(MessageStatus.TimedOut)
    await expectRevert(
      world.b.endpoint.write.retry([sent.message, gasLimitOf(sent.message)]),
      'EndpointNotRetryable',
      [sent.id, MessageStatus.TimedOut],
    )
    await expectRevert(world.b.endpoint.write.timeout([sent.message]), 'EndpointNotTimeoutable', [
      sent.id,
      MessageStatus.TimedOut,
    ])
    expect(await world.b.endpoint.read.merkleCount()).toBe(1)
  })

  it('a deadline exactly at the block time still executes', async () => {
    const deadline = (await now(world)) + 100n
    const { sent } = await toB(evmAddressToBytes32(appB.address), { deadline })
    await world.testClient.setNextBlockTimestamp({ timestamp: deadline })
    const receipt = await relay(world, world.a, world.b, sent.message)
    expect(eventsIn(receipt, world.b, 'MessageDelivered')[0]?.status).toBe(MessageStatus.Executed)
  })

  it('Failed, then timeout after the deadline → TimedOut with exactly one ack carrying the last revert data', async () => {
    const reverting = await world.viem.deployContract('RevertingRecipient')
    const deadline = (await now(world)) + 1_000n
    const { sent } = await toB(evmAddressToBytes32(reverting.address), {
      ackGasLimit: 300_000,
      deadline,
    })
    const receipt = await relay(world, world.a, world.b, sent.message)
    const revertData = eventsIn(receipt, world.b, 'MessageDelivered')[0]!.result

    await world.testClient.setNextBlockTimestamp({ timestamp: deadline })
    await expectRevert(
      world.b.endpoint.write.timeout([sent.message]),
      'EndpointDeadlineNotPassed',
      [sent.id, deadline, deadline],
    )

    await world.testClient.setNextBlockTimestamp({ timestamp: deadline + 1n })
    await world.testClient.mine({ blocks: 1 })
    await expectRevert(
      world.b.endpoint.write.retry([sent.message, gasLimitOf(sent.message)]),
      'EndpointDeadlinePassed',
      [sent.id, deadline],
    )
    const timedOut = await world.mined(
      world.b.endpoint.write.timeout([sent.message], { account: world.stranger.account }),
    )
    expect(eventsIn(timedOut, world.b, 'MessageTimedOut')).toEqual([{ id: sent.id }])
    const acks = eventsIn(timedOut, world.b, 'MessageSent')
    expect(acks).toHaveLength(1)
    expect(decodeAckBody(decodeMessage(acks[0]!.message).body)).toEqual({
      originalId: sent.id,
      status: MessageStatus.TimedOut,
      result: revertData,
    })
    expect(await world.b.endpoint.read.storedStatus([sent.id])).toBe(MessageStatus.TimedOut)
    expect(await world.b.endpoint.read.lastRevertData([sent.id])).toBe('0x')
    await expectRevert(world.b.endpoint.write.timeout([sent.message]), 'EndpointNotTimeoutable', [
      sent.id,
      MessageStatus.TimedOut,
    ])
    await expectRevert(
      world.b.endpoint.write.retry([sent.message, gasLimitOf(sent.message)]),
      'EndpointNotRetryable',
      [sent.id, MessageStatus.TimedOut],
    )
    // Exactly one ack in the whole history of B.
    const all = await world.publicClient.getContractEvents({
      address: world.b.endpoint.address,
      abi: world.b.endpoint.abi,
      eventName: 'MessageSent',
      fromBlock: 0n,
      strict: true,
    })
    expect(all).toHaveLength(1)

    // The ack reaches the sender's ack handler on A.
    const ackReceipt = await relay(world, world.b, world.a, acks[0]!.message)
    expect(eventsIn(ackReceipt, world.a, 'AckDelivered')).toEqual([
      {
        ackId: acks[0]!.id,
        originalId: sent.id,
        originalStatus: MessageStatus.TimedOut,
        status: MessageStatus.Executed,
      },
    ])
    expect(await appA.read.lastAckStatus()).toBe(MessageStatus.TimedOut)
    expect(await appA.read.lastAckResult()).toBe(revertData)
  })

  it('timeout needs a Failed message with a deadline', async () => {
    const reverting = await world.viem.deployContract('RevertingRecipient')
    const { sent } = await toB(evmAddressToBytes32(reverting.address))
    await expectRevert(world.b.endpoint.write.timeout([sent.message]), 'EndpointNotTimeoutable', [
      sent.id,
      MessageStatus.None,
    ])
    await relay(world, world.a, world.b, sent.message)
    await expectRevert(world.b.endpoint.write.timeout([sent.message]), 'EndpointNoDeadline', [
      sent.id,
    ])
  })

  it('a caller supplying less gas than gasLimit makes the whole tx revert (status stays None)', async () => {
    const gasLimit = 1_000_000
    const { sent } = await toB(evmAddressToBytes32(appB.address), { gasLimit })
    const proof = await prove(world, world.a, sent.message)
    const args = await expectRevert(
      world.b.endpoint.write.deliver([sent.message, proof], {
        gas: 400_000n,
        account: world.relayer.account,
      }),
      'EndpointInsufficientGas',
    )
    const required = BigInt(gasLimit + Math.floor(gasLimit / 63) + 3_000)
    expect(args[0]).toBe(required)
    expect(args[1]).toBeLessThan(required)
    expect(await world.b.endpoint.read.messageStatus([sent.message])).toBe(MessageStatus.None)
    expect(await world.b.endpoint.read.inboundNonce([channelOf(sent.message)])).toBe(0n)
    expect(await appB.read.handled()).toBe(0n)
    // With enough gas the same message and proof go through.
    await world.mined(world.b.endpoint.write.deliver([sent.message, proof]))
    expect(await appB.read.handled()).toBe(1n)
  })

  it('the handler gets its whole gasLimit even at the least gas the delivery accepts', async () => {
    const burner = await world.viem.deployContract('GasBurner')
    const gasLimit = 500_000
    const body = encodeAbiParameters([{ type: 'uint256' }], [5_000n])
    const { sent } = await toB(evmAddressToBytes32(burner.address), { gasLimit, body })
    const proof = await prove(world, world.a, sent.message)
    const data = encodeFunctionData({
      abi: world.b.endpoint.abi,
      functionName: 'deliver',
      args: [sent.message, proof],
    })
    const call = (gas: bigint) =>
      world.publicClient.call({
        account: world.relayer.account,
        to: world.b.endpoint.address,
        data,
        gas,
      })

    // Binary search the least gas with which the delivery does not revert.
    let low = 100_000n
    let high = 2_000_000n
    while (high - low > 1n) {
      const mid = (low + high) / 2n
      try {
        await call(mid)
        high = mid
      } catch {
        low = mid
      }
    }
    await expectRevert(call(low), 'EndpointInsufficientGas')

    // Generous gas, then the least: the handler starts with the same gas both times.
    await world.testClient.snapshot()
    const snapshot = await world.testClient.snapshot()
    await world.mined(world.b.endpoint.write.deliver([sent.message, proof], { gas: 3_000_000n }))
    const generous = await burner.read.gasAtEntry()
    await world.testClient.revert({ id: snapshot })
    const receipt = await world.mined(
      world.b.endpoint.write.deliver([sent.message, proof], { gas: high }),
    )
    expect(eventsIn(receipt, world.b, 'MessageDelivered')[0]?.status).toBe(MessageStatus.Executed)
    expect(await burner.read.gasAtEntry()).toBe(generous)
    expect(generous).toBeGreaterThan(BigInt(gasLimit) - 1_000n)
  })

  it('a reentrant recipient: deliver and retry from its handler fail with the reentrancy error, send works', async () => {
    const reentrant = await world.viem.deployContract('ReentrantRecipient', [
      world.b.endpoint.address,
    ])
    const to = evmAddressToBytes32(reentrant.address)
    const first = await toB(to)
    const second = await toB(to)

    // Deliver from the handler: the first message fails with ReentrancyGuardReentrantCall.
    await reentrant.write.arm([
      1,
      second.sent.message,
      await prove(world, world.a, second.sent.message),
    ])
    const receipt = await relay(world, world.a, world.b, first.sent.message)
    const [delivered] = eventsIn(receipt, world.b, 'MessageDelivered')
    expect(delivered?.status).toBe(MessageStatus.Failed)
    expect(delivered?.result).toBe(REENTRANCY_ERROR)
    expect(await world.b.endpoint.read.messageStatus([second.sent.message])).toBe(
      MessageStatus.None,
    )

    // Retry from the handler (of the second message) fails the same way.
    await reentrant.write.arm([2, first.sent.message, '0x'])
    const again = await relay(world, world.a, world.b, second.sent.message)
    expect(eventsIn(again, world.b, 'MessageDelivered')[0]).toMatchObject({
      status: MessageStatus.Failed,
      result: REENTRANCY_ERROR,
    })

    // Send from the handler works: the retry executes and a reply is sent in the same tx.
    await world.owner.sendTransaction({ to: reentrant.address, value: 10n ** 18n })
    await reentrant.write.arm([3, '0x', '0x'])
    const retried = await world.mined(
      world.b.endpoint.write.retry([first.sent.message, gasLimitOf(first.sent.message)]),
    )
    expect(eventsIn(retried, world.b, 'MessageRetried')[0]?.status).toBe(MessageStatus.Executed)
    const reply = sentIn(retried, world.b)
    expect(reply.id).toBe(await reentrant.read.lastSentId())
    expect(decodeMessage(reply.message)).toMatchObject({
      sender: to,
      destination: DOMAIN_A,
      recipient: evmAddressToBytes32(appA.address),
    })
  })

  it('keeps at most 1,024 bytes of a return bomb, returned or reverted', async () => {
    const bomb = await world.viem.deployContract('ReturnBomb')
    const returned = await toB(evmAddressToBytes32(bomb.address), { gasLimit: 2_000_000 })
    const receipt = await relay(world, world.a, world.b, returned.sent.message)
    const [executed] = eventsIn(receipt, world.b, 'MessageDelivered')
    expect(executed?.status).toBe(MessageStatus.Executed)
    expect(size(executed!.result)).toBe(1_024)

    await bomb.write.configure([200_000n, true])
    const reverted = await toB(evmAddressToBytes32(bomb.address), { gasLimit: 2_000_000 })
    const failed = eventsIn(
      await relay(world, world.a, world.b, reverted.sent.message),
      world.b,
      'MessageDelivered',
    )[0]
    expect(failed?.status).toBe(MessageStatus.Failed)
    expect(size(failed!.result)).toBe(1_024)
  })

  it('a recipient without code is Failed (not Executed), and retries once code is there', async () => {
    const empty = '0x000000000000000000000000000000000000f3ee' as const
    const { sent } = await toB(evmAddressToBytes32(empty))
    const receipt = await relay(world, world.a, world.b, sent.message)
    expect(eventsIn(receipt, world.b, 'MessageDelivered')[0]).toMatchObject({
      status: MessageStatus.Failed,
      result: '0x',
    })
    const code = await world.publicClient.getCode({ address: appB.address })
    await world.testClient.setCode({ address: empty, bytecode: code! })
    const retried = await world.mined(
      world.b.endpoint.write.retry([sent.message, gasLimitOf(sent.message)]),
    )
    expect(eventsIn(retried, world.b, 'MessageRetried')[0]?.status).toBe(MessageStatus.Executed)
  })

  it('a recipient that is not an EVM address (high bytes set) is Failed, not truncated', async () => {
    const cosmwasm = '0x8057af6e5453c7458661d9f6c2b4fbd74c6e889d3f41c64ed7f1c0613a73d750' as const
    const { sent } = await toB(cosmwasm)
    const receipt = await relay(world, world.a, world.b, sent.message)
    expect(eventsIn(receipt, world.b, 'MessageDelivered')[0]).toMatchObject({
      status: MessageStatus.Failed,
      result: '0x',
    })
  })

  it('a message addressed to the endpoint or the verifier cannot change their configuration', async () => {
    const { endpoint, verifier } = world.b
    const attacker = world.stranger.account.address
    const attacks: Hex[] = [
      encodeFunctionData({
        abi: endpoint.abi,
        functionName: 'transferOwnership',
        args: [attacker],
      }),
      encodeFunctionData({
        abi: endpoint.abi,
        functionName: 'setDefaultVerifier',
        args: [DOMAIN_A, appB.address],
      }),
      encodeFunctionData({ abi: verifier.abi, functionName: 'setThreshold', args: [DOMAIN_A, 1] }),
    ]
    const before = {
      owner: await endpoint.read.owner(),
      pending: await endpoint.read.pendingOwner(),
      defaultVerifier: await endpoint.read.defaultVerifier([DOMAIN_A]),
      config: await verifier.read.originConfig([DOMAIN_A]),
      verifierOwner: await verifier.read.owner(),
    }
    for (const target of [endpoint.address, verifier.address]) {
      for (const body of attacks) {
        const { sent } = await toB(evmAddressToBytes32(target), { body, ackGasLimit: 50_000 })
        const receipt = await relay(world, world.a, world.b, sent.message)
        expect(eventsIn(receipt, world.b, 'MessageDelivered')[0]?.status).toBe(MessageStatus.Failed)
        const retried = await world.mined(
          world.b.endpoint.write.retry([sent.message, gasLimitOf(sent.message)]),
        )
        expect(eventsIn(retried, world.b, 'MessageRetried')[0]?.status).toBe(MessageStatus.Failed)
      }
    }
    expect({
      owner: await endpoint.read.owner(),
      pending: await endpoint.read.pendingOwner(),
      defaultVerifier: await endpoint.read.defaultVerifier([DOMAIN_A]),
      config: await verifier.read.originConfig([DOMAIN_A]),
      verifierOwner: await verifier.read.owner(),
    }).toEqual(before)
  })

  it('deliverBatch: 10 messages under one checkpoint, signatures only on the first proof', async () => {
    const sent = []
    for (let i = 0; i < 10; i++) sent.push((await toB(evmAddressToBytes32(appB.address))).sent)
    const { checkpoint, tree } = await currentCheckpoint(world, world.a)
    const signatures = await signBy(checkpoint, [0, 1, 2])
    const proofs = encodeBatchProofs({
      checkpointIndex: checkpoint.index,
      signatures,
      leaves: sent.map(({ leafIndex }) => ({
        leafIndex,
        branch: tree.getProof(leafIndex, checkpoint.index + 1).branch,
      })),
    })
    const messages = sent.map((s) => s.message)

    // Without a signed proof first, the checkpoint is unknown.
    const unsigned = [
      encodeProof({
        checkpointIndex: checkpoint.index,
        leafIndex: sent[0]!.leafIndex,
        branch: tree.getProof(sent[0]!.leafIndex, checkpoint.index + 1).branch,
        signatures: [],
      }),
      ...proofs.slice(1),
    ]
    await expectRevert(
      world.b.endpoint.write.deliverBatch([messages, unsigned]),
      'MultisigVerifierThresholdNotMet',
      [0n, 3n],
    )
    await expectRevert(
      world.b.endpoint.write.deliverBatch([messages, proofs.slice(1)]),
      'EndpointBatchLengthMismatch',
      [10n, 9n],
    )

    const receipt = await world.mined(
      world.b.endpoint.write.deliverBatch([messages, proofs], { account: world.relayer.account }),
    )
    const delivered = eventsIn(receipt, world.b, 'MessageDelivered')
    expect(delivered.map((d) => [d.nonce, d.status])).toEqual(
      sent.map((_, i) => [BigInt(i + 1), MessageStatus.Executed]),
    )
    expect(await appB.read.handled()).toBe(10n)
    // A later transaction does not inherit the remembered checkpoint.
    const next = (await toB(evmAddressToBytes32(appB.address))).sent
    await expectRevert(
      world.b.endpoint.write.deliver([
        next.message,
        await prove(world, world.a, next.message, { signers: [] }),
      ]),
      'MultisigVerifierThresholdNotMet',
      [0n, 3n],
    )
  })

  it('loopback: a message to its own domain is delivered by the same endpoint', async () => {
    const { a } = world
    await a.verifier.write.setOrigin([
      DOMAIN_A,
      evmAddressToBytes32(a.endpoint.address),
      VALIDATOR_ADDRESSES,
      3,
    ])
    await a.endpoint.write.setDefaultVerifier([DOMAIN_A, a.verifier.address])
    const { sent } = await sendFrom(world, appA, a, DOMAIN_A, evmAddressToBytes32(appB.address), {
      ackGasLimit: 200_000,
    })
    const receipt = await relay(world, a, a, sent.message)
    expect(eventsIn(receipt, a, 'MessageDelivered')[0]?.status).toBe(MessageStatus.Executed)
    const ack = sentIn(receipt, a)
    await relay(world, a, a, ack.message)
    expect(await appA.read.lastAckId()).toBe(sent.id)
  })

  it('messageStatus reads None before delivery and Executed after, from the channel nonce', async () => {
    const { sent } = await toB(evmAddressToBytes32(appB.address))
    expect(await world.b.endpoint.read.messageStatus([sent.message])).toBe(MessageStatus.None)
    expect(await world.b.endpoint.read.messageStatus(['0x01'])).toBe(MessageStatus.None)
    await relay(world, world.a, world.b, sent.message)
    expect(await world.b.endpoint.read.messageStatus([sent.message])).toBe(MessageStatus.Executed)
  })
})
