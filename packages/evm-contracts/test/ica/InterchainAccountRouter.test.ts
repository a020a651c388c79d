// Typed remote calls end to end over two endpoints with real proofs: a user's batch runs through
// their interchain account on B and the results come back in the ack; reads; the security rules
// of spec/apps/interchain-accounts.md; fees and body checks.
import { decodeAckBody, decodeMessage, evmAddressToBytes32, MessageStatus } from '@ferry/protocol'
import type { ContractReturnType } from '@nomicfoundation/hardhat-viem/types'
import {
  decodeFunctionResult,
  encodeErrorResult,
  encodeFunctionData,
  getAddress,
  type Hex,
  parseEther,
  parseEventLogs,
  size,
  toHex,
  zeroAddress,
} from 'viem'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  call,
  decodeResults,
  deployIcaWorld,
  encodeBody,
  encodeCalls,
  encodeResults,
  GAS_LIMIT,
  type IcaWorld,
  KIND_CALL,
  KIND_READ,
  type RemoteCall,
  sendBatch,
} from '../helpers/interchainAccounts.ts'
import { decodeRevert, expectRevert } from '../helpers/revert.ts'
import {
  DOMAIN_A,
  DOMAIN_B,
  eventsIn,
  gasLimitOf,
  relay,
  sendFrom,
  sentIn,
} from '../helpers/world.ts'

type AccountAbi = ContractReturnType<'InterchainAccount'>['abi']

describe('InterchainAccountRouter', () => {
  let world: IcaWorld
  let alice: Hex
  let bob: Hex
  let accountAbi: AccountAbi

  beforeEach(async () => {
    world = await deployIcaWorld()
    accountAbi = (await world.viem.getContractAt('InterchainAccount', zeroAddress)).abi
    alice = evmAddressToBytes32(world.alice.account.address)
    bob = evmAddressToBytes32(world.bob.account.address)
  })

  const targetCall = <const N extends 'increment' | 'deposit' | 'maybeFail' | 'balanceOf'>(
    functionName: N,
    args: readonly unknown[],
    value = 0n,
  ): RemoteCall =>
    call(
      world.target.address,
      // CAST: the four functions' argument lists are checked by viem at encode time.
      encodeFunctionData({ abi: world.target.abi, functionName, args } as never),
      value,
    )

  /** Alice's batch from A to B, delivered; returns the MessageDelivered event and receipts. */
  async function aliceCalls(calls: readonly RemoteCall[], options = {}) {
    const {
      sent,
      receipt: sendReceipt,
      fee,
    } = await sendBatch(world, world.routerA, world.a, world.alice, DOMAIN_B, calls, options)
    const receipt = await relay(world, world.a, world.b, sent.message)
    const [delivered] = eventsIn(receipt, world.b, 'MessageDelivered')
    if (!delivered) throw new Error('not delivered')
    return { sent, sendReceipt, fee, receipt, delivered }
  }

  async function aliceAccount() {
    return world.factoryB.read.accountAddress([DOMAIN_A, alice])
  }

  it('a user on A calls a counter on B through their account and gets the results in the ack; the predicted address is the deployed one', async () => {
    const predicted = await aliceAccount()
    expect(await world.routerB.read.accountAddress([DOMAIN_A, alice])).toBe(predicted)
    expect(await world.publicClient.getCode({ address: predicted })).toBeUndefined()

    const calls = [targetCall('increment', [2n]), targetCall('increment', [3n])]
    const { sent, receipt, delivered } = await aliceCalls(calls, { ackGasLimit: 100_000 })

    // The body on the wire: version 1, CALL, alice as owner, abi.encode(Call[]).
    expect(decodeMessage(sent.message).body).toBe(encodeBody(KIND_CALL, alice, encodeCalls(calls)))

    // Deployed at the predicted address, by the factory, on first use.
    const [deployed] = parseEventLogs({
      abi: world.factoryB.abi,
      logs: receipt.logs,
      eventName: 'AccountDeployed',
    })
    expect(deployed?.args).toEqual({ origin: DOMAIN_A, owner: alice, account: predicted })
    expect(await world.publicClient.getCode({ address: predicted })).toBeDefined()

    // Executed; the result is abi.encode(bytes[]) of each call's return data.
    expect(delivered.status).toBe(MessageStatus.Executed)
    const results = decodeResults(delivered.result)
    expect(
      results.map((r) =>
        decodeFunctionResult({ abi: world.target.abi, functionName: 'increment', data: r }),
      ),
    ).toEqual([2n, 5n])
    expect(await world.target.read.count()).toBe(5n)

    // The ack carries the same bytes back to A.
    const [ack] = eventsIn(receipt, world.b, 'MessageSent')
    expect(decodeAckBody(decodeMessage(ack!.message).body)).toEqual({
      originalId: sent.id,
      status: MessageStatus.Executed,
      result: delivered.result,
    })
    const atA = await relay(world, world.b, world.a, ack!.message)
    expect(eventsIn(atA, world.a, 'AckDelivered')[0]).toMatchObject({
      originalId: sent.id,
      status: MessageStatus.Executed,
    })

    // A second batch reuses the account (no new deployment).
    const second = await aliceCalls([targetCall('increment', [1n])])
    expect(
      parseEventLogs({
        abi: world.factoryB.abi,
        logs: second.receipt.logs,
        eventName: 'AccountDeployed',
      }),
    ).toEqual([])
    expect(decodeResults(second.delivered.result)).toEqual([toHex(6n, { size: 32 })])
  })

  it('an account is funded before first use, and the value forwarded matches what was sent', async () => {
    const account = await aliceAccount()
    await world.mined(world.owner.sendTransaction({ to: account, value: parseEther('1') }))
    const { delivered } = await aliceCalls([
      targetCall('deposit', [], parseEther('0.25')),
      targetCall('deposit', [], parseEther('0.5')),
    ])
    expect(delivered.status).toBe(MessageStatus.Executed)
    expect(decodeResults(delivered.result)).toEqual([
      toHex(parseEther('0.25'), { size: 32 }),
      toHex(parseEther('0.5'), { size: 32 }),
    ])
    expect(await world.target.read.received([account])).toBe(parseEther('0.75'))
    expect(await world.publicClient.getBalance({ address: account })).toBe(parseEther('0.25'))
  })

  it('security: another owner cannot move an account’s funds or call through it', async () => {
    const aliceAcc = await aliceAccount()
    await world.mined(world.owner.sendTransaction({ to: aliceAcc, value: parseEther('1') }))
    // Alice's account exists (deployed by her first batch).
    await aliceCalls([])
    const bobAcc = await world.factoryB.read.accountAddress([DOMAIN_A, bob])
    expect(bobAcc).not.toBe(aliceAcc)

    // Bob's batch makes his own account call Alice's account: it is not the router.
    const steal = call(
      aliceAcc,
      encodeFunctionData({
        abi: accountAbi,
        functionName: 'execute',
        args: [[call(world.bob.account.address, '0x', parseEther('1'))]],
      }),
    )
    const { sent } = await sendBatch(world, world.routerA, world.a, world.bob, DOMAIN_B, [steal])
    const [delivered] = eventsIn(
      await relay(world, world.a, world.b, sent.message),
      world.b,
      'MessageDelivered',
    )
    expect(delivered?.status).toBe(MessageStatus.Failed)
    expect(await decodeRevert(delivered!.result)).toEqual({
      errorName: 'InterchainAccountRouterCallFailed',
      args: [
        0n,
        encodeErrorResult({
          abi: accountAbi,
          errorName: 'InterchainAccountNotRouter',
          args: [bobAcc],
        }),
      ],
    })
    expect(await world.publicClient.getBalance({ address: aliceAcc })).toBe(parseEther('1'))
  })

  it('security: a non-router sender cannot call through an account, nor name the router', async () => {
    const account = await aliceAccount()
    await world.mined(world.owner.sendTransaction({ to: account, value: parseEther('1') }))
    await aliceCalls([])
    const accountContract = await world.viem.getContractAt('InterchainAccount', account)
    const stranger = world.stranger.account
    await expectRevert(
      accountContract.write.execute([[call(stranger.address, '0x', parseEther('1'))]], {
        account: stranger,
      }),
      'InterchainAccountNotRouter',
      [stranger.address],
    )
    // Not even the factory's owner, nor the router of the other side.
    await expectRevert(
      accountContract.write.execute([[call(stranger.address, '0x', 1n)]]),
      'InterchainAccountNotRouter',
      [world.owner.account.address],
    )
    await expectRevert(
      world.factoryB.write.setRouter([stranger.address], { account: stranger }),
      'OwnableUnauthorizedAccount',
      [stranger.address],
    )
    // The router's handler is the endpoint's alone.
    await expectRevert(
      world.routerB.write.handle(
        [DOMAIN_A, evmAddressToBytes32(world.routerA.address), 1n, encodeBody(1, alice, '0x')],
        { account: stranger },
      ),
      'EndpointAppNotEndpoint',
      [stranger.address],
    )
    expect(await world.publicClient.getBalance({ address: account })).toBe(parseEther('1'))
  })

  it('security: another origin reaches another account, and a non-peer app cannot command any', async () => {
    const account = await aliceAccount()
    await world.mined(world.owner.sendTransaction({ to: account, value: parseEther('1') }))
    // Alice on B owns (B, alice) on A's side: a different address from (A, alice) on B's.
    const fromB = await world.factoryA.read.accountAddress([DOMAIN_B, alice])
    expect(fromB).not.toBe(account)
    expect(await world.factoryB.read.accountAddress([DOMAIN_B, alice])).not.toBe(account)

    // The same owner on the other origin: her batch from B reaches (B, alice) on A's side, which
    // holds nothing, so a call spending value fails there; (A, alice)'s funds are another account's.
    const { sent: fromOther } = await sendBatch(
      world,
      world.routerB,
      world.b,
      world.alice,
      DOMAIN_A,
      [call(world.stranger.account.address, '0x', parseEther('1'))],
    )
    const [elsewhere] = eventsIn(
      await relay(world, world.b, world.a, fromOther.message),
      world.a,
      'MessageDelivered',
    )
    expect(elsewhere?.status).toBe(MessageStatus.Failed)
    expect(await decodeRevert(elsewhere!.result)).toEqual({
      errorName: 'InterchainAccountRouterCallFailed',
      args: [0n, '0x'],
    })
    expect(await world.publicClient.getBalance({ address: account })).toBe(parseEther('1'))

    // An app on A that is not the peer router sends a body naming alice as owner: refused.
    const intruder = await world.viem.deployContract('TestRecipient')
    const body = encodeBody(
      KIND_CALL,
      alice,
      encodeCalls([call(world.stranger.account.address, '0x', parseEther('1'))]),
    )
    const { sent } = await sendFrom(
      world,
      intruder,
      world.a,
      DOMAIN_B,
      evmAddressToBytes32(world.routerB.address),
      { body, gasLimit: GAS_LIMIT },
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
    expect(await world.publicClient.getBalance({ address: account })).toBe(parseEther('1'))
  })

  it('security: an old batch replayed is refused by the endpoint', async () => {
    const { sent } = await aliceCalls([targetCall('increment', [1n])])
    await expectRevert(relay(world, world.a, world.b, sent.message), 'EndpointNonceOutOfOrder')
    expect(await world.target.read.count()).toBe(1n)
  })

  it('security: a reentrant call into the router, an account or the endpoint from a target fails that batch only', async () => {
    await aliceCalls([])
    const account = await aliceAccount()
    const forward = (to: Hex, data: Hex) =>
      call(
        world.target.address,
        encodeFunctionData({ abi: world.target.abi, functionName: 'forward', args: [to, data] }),
      )
    const cases = [
      {
        calls: [
          forward(
            world.routerB.address,
            encodeFunctionData({
              abi: world.routerB.abi,
              functionName: 'handle',
              args: [DOMAIN_A, evmAddressToBytes32(world.routerA.address), 9n, '0x'],
            }),
          ),
        ],
        error: { name: 'EndpointAppNotEndpoint', args: [world.target.address] },
      },
      {
        calls: [
          forward(
            account,
            encodeFunctionData({
              abi: accountAbi,
              functionName: 'execute',
              args: [[targetCall('increment', [100n])]],
            }),
          ),
        ],
        error: { name: 'InterchainAccountNotRouter', args: [world.target.address] },
      },
      {
        calls: [
          targetCall('increment', [1n]),
          forward(
            world.b.endpoint.address,
            encodeFunctionData({
              abi: world.b.endpoint.abi,
              functionName: 'retry',
              args: ['0x', 1_000_000],
            }),
          ),
        ],
        error: { name: 'ReentrancyGuardReentrantCall', args: [] },
      },
    ]
    for (const { calls, error } of cases) {
      const { delivered } = await aliceCalls(calls)
      expect(delivered.status).toBe(MessageStatus.Failed)
      const outer = await decodeRevert(delivered.result)
      expect(outer.errorName).toBe('InterchainAccountRouterCallFailed')
      expect(outer.args[0]).toBe(BigInt(calls.length - 1))
      // CAST: the error's second argument is `bytes reason`.
      const inner = await decodeRevert(outer.args[1] as Hex)
      expect(inner.errorName).toBe(error.name)
      expect(inner.args.map((x) => (typeof x === 'string' ? getAddress(x) : x))).toEqual(
        error.args.map((x) => getAddress(x)),
      )
    }
    // Nothing stuck, and the channel goes on: the next batch executes.
    expect(await world.target.read.count()).toBe(0n)
    const { delivered } = await aliceCalls([targetCall('increment', [7n])])
    expect(delivered.status).toBe(MessageStatus.Executed)
    expect(await world.target.read.count()).toBe(7n)
  })

  it('a batch where call 2 of 3 reverts: nothing sticks, Failed with the index and reason; a retry with more gas after fixing the state executes it', async () => {
    const account = await aliceAccount()
    await world.mined(world.owner.sendTransaction({ to: account, value: parseEther('1') }))
    await world.mined(world.target.write.setFailing([true]))
    const calls = [
      targetCall('deposit', [], 10n),
      targetCall('maybeFail', [5n]),
      targetCall('increment', [1n]),
    ]
    const { sent, delivered } = await aliceCalls(calls)
    expect(delivered.status).toBe(MessageStatus.Failed)
    expect(await decodeRevert(delivered.result)).toEqual({
      errorName: 'InterchainAccountRouterCallFailed',
      args: [
        1n,
        encodeErrorResult({
          abi: world.target.abi,
          errorName: 'RemoteCallTargetFailing',
          args: [5n],
        }),
      ],
    })
    // Nothing of the batch stuck: no deposit, no count, and no account either.
    expect(await world.target.read.received([account])).toBe(0n)
    expect(await world.target.read.count()).toBe(0n)
    expect(await world.publicClient.getCode({ address: account })).toBeUndefined()
    expect(await world.publicClient.getBalance({ address: account })).toBe(parseEther('1'))

    await world.mined(world.target.write.setFailing([false]))
    const retried = await world.mined(
      world.b.endpoint.write.retry([sent.message, gasLimitOf(sent.message) * 2], {
        account: world.stranger.account,
      }),
    )
    const [event] = eventsIn(retried, world.b, 'MessageRetried')
    expect(event?.status).toBe(MessageStatus.Executed)
    expect(decodeResults(event!.result)).toEqual([
      toHex(10n, { size: 32 }),
      toHex(5n, { size: 32 }),
      toHex(6n, { size: 32 }),
    ])
    expect(await world.target.read.received([account])).toBe(10n)
    expect(await world.target.read.count()).toBe(6n)
  })

  it('a batch that runs out of its gas is retried with more', async () => {
    const { sent, delivered } = await aliceCalls([targetCall('increment', [1n])], {
      gasLimit: 50_000,
    })
    expect(delivered.status).toBe(MessageStatus.Failed)
    const retried = await world.mined(world.b.endpoint.write.retry([sent.message, GAS_LIMIT]))
    expect(eventsIn(retried, world.b, 'MessageRetried')[0]?.status).toBe(MessageStatus.Executed)
    expect(await world.target.read.count()).toBe(1n)
  })

  it('reads return the right values at the delivery block, with no account', async () => {
    const holder = world.bob.account.address
    await world.mined(world.target.write.setBalance([holder, 5n]))
    const { sent } = await sendBatch(
      world,
      world.routerA,
      world.a,
      world.alice,
      DOMAIN_B,
      [targetCall('balanceOf', [holder]), targetCall('balanceOf', [world.alice.account.address])],
      { kind: 'read', ackGasLimit: 100_000 },
    )
    expect(decodeMessage(sent.message).body.slice(0, 6)).toBe('0x0102')
    // The balance changes after the send and before the delivery: the read sees the new one.
    await world.mined(world.target.write.setBalance([holder, 7n]))
    const receipt = await relay(world, world.a, world.b, sent.message)
    const [delivered] = eventsIn(receipt, world.b, 'MessageDelivered')
    expect(delivered?.status).toBe(MessageStatus.Executed)
    expect(decodeResults(delivered!.result)).toEqual([
      toHex(7n, { size: 32 }),
      toHex(0n, { size: 32 }),
    ])
    expect(await world.publicClient.getCode({ address: await aliceAccount() })).toBeUndefined()
    const [ack] = eventsIn(receipt, world.b, 'MessageSent')
    expect(decodeAckBody(decodeMessage(ack!.message).body).result).toBe(delivered!.result)
  })

  it('a read cannot write: a state-changing call fails the read batch', async () => {
    const { sent } = await sendBatch(
      world,
      world.routerA,
      world.a,
      world.alice,
      DOMAIN_B,
      [targetCall('balanceOf', [world.alice.account.address]), targetCall('increment', [1n])],
      { kind: 'read' },
    )
    const [delivered] = eventsIn(
      await relay(world, world.a, world.b, sent.message),
      world.b,
      'MessageDelivered',
    )
    expect(delivered?.status).toBe(MessageStatus.Failed)
    expect(await decodeRevert(delivered!.result)).toEqual({
      errorName: 'InterchainAccountRouterCallFailed',
      args: [1n, '0x'],
    })
  })

  it('a read with value is refused at send, and failed at the destination when sent raw', async () => {
    const withValue = [targetCall('balanceOf', [world.alice.account.address], 1n)]
    await expectRevert(
      world.routerA.write.readRemote([DOMAIN_B, withValue, GAS_LIMIT, 0, 0n], {
        value: parseEther('1'),
        account: world.alice.account,
      }),
      'InterchainAccountRouterReadWithValue',
      [0n, 1n],
    )
    const payload = encodeCalls(withValue)
    const fee = await world.routerA.read.quoteCallRemoteRaw([
      DOMAIN_B,
      BigInt(size(payload)),
      GAS_LIMIT,
      0,
    ])
    const sent = sentIn(
      await world.mined(
        world.routerA.write.callRemoteRaw([DOMAIN_B, KIND_READ, payload, GAS_LIMIT, 0, 0n], {
          value: fee,
          account: world.alice.account,
        }),
      ),
      world.a,
    )
    const [delivered] = eventsIn(
      await relay(world, world.a, world.b, sent.message),
      world.b,
      'MessageDelivered',
    )
    expect(await decodeRevert(delivered!.result)).toEqual({
      errorName: 'InterchainAccountRouterReadWithValue',
      args: [0n, 1n],
    })
  })

  it('callRemoteRaw sends any payload as is (a CosmWasm JSON batch) with the caller as owner', async () => {
    const json = JSON.stringify([
      {
        wasm: {
          execute: {
            contract_addr: 'wasm14hj2tavq8fpesdwxxcu44rty3hh90vhujrvcmstl4zr3txmfvw9s0phg4d',
            msg: Buffer.from('{"increment":{}}').toString('base64'),
            funds: [],
          },
        },
      },
    ])
    const payload = toHex(json)
    const fee = await world.routerA.read.quoteCallRemoteRaw([
      DOMAIN_B,
      BigInt(size(payload)),
      GAS_LIMIT,
      0,
    ])
    expect(fee).toBe(
      await world.a.endpoint.read.quote([DOMAIN_B, BigInt(34 + size(payload)), GAS_LIMIT, 0]),
    )
    const receipt = await world.mined(
      world.routerA.write.callRemoteRaw([DOMAIN_B, KIND_CALL, payload, GAS_LIMIT, 0, 0n], {
        value: fee,
        account: world.alice.account,
      }),
    )
    const sent = sentIn(receipt, world.a)
    expect(decodeMessage(sent.message).body).toBe(encodeBody(KIND_CALL, alice, payload))
    const [event] = parseEventLogs({
      abi: world.routerA.abi,
      logs: receipt.logs,
      eventName: 'RemoteCallSent',
    })
    expect(event?.args).toEqual({
      id: sent.id,
      destination: DOMAIN_B,
      owner: getAddress(world.alice.account.address),
      kind: KIND_CALL,
    })
    await expectRevert(
      world.routerA.write.callRemoteRaw([DOMAIN_B, 3, payload, GAS_LIMIT, 0, 0n], {
        value: fee,
        account: world.alice.account,
      }),
      'InterchainAccountRouterUnknownKind',
      [3],
    )
  })

  it('fees: the quote is the endpoint’s for the body, the excess is refunded, too little is refused', async () => {
    const calls = [targetCall('increment', [1n])]
    const fee = await world.routerA.read.quoteCallRemote([DOMAIN_B, calls, GAS_LIMIT, 50_000])
    const body = encodeBody(KIND_CALL, alice, encodeCalls(calls))
    expect(fee).toBe(
      await world.a.endpoint.read.quote([DOMAIN_B, BigInt(size(body)), GAS_LIMIT, 50_000]),
    )
    const before = await world.publicClient.getBalance({ address: world.alice.account.address })
    const { receipt } = await sendBatch(
      world,
      world.routerA,
      world.a,
      world.alice,
      DOMAIN_B,
      calls,
      {
        ackGasLimit: 50_000,
        overpay: parseEther('1'),
      },
    )
    const after = await world.publicClient.getBalance({ address: world.alice.account.address })
    expect(before - after).toBe(fee + receipt.gasUsed * receipt.effectiveGasPrice)
    expect(await world.publicClient.getBalance({ address: world.routerA.address })).toBe(0n)
    await expectRevert(
      world.routerA.write.callRemote([DOMAIN_B, calls, GAS_LIMIT, 50_000, 0n], {
        value: fee - 1n,
        account: world.alice.account,
      }),
      'EndpointFeeTooLow',
      [fee, fee - 1n],
    )
  })

  it('body checks: version, kind, header length, targets, result size and long reasons', async () => {
    // A peer that sends raw bodies: point B's router at a TestRecipient on A for these cases.
    const rogue = await world.viem.deployContract('TestRecipient')
    await world.mined(world.routerB.write.setPeer([DOMAIN_A, evmAddressToBytes32(rogue.address)]))
    const deliver = async (body: Hex) => {
      const { sent } = await sendFrom(
        world,
        rogue,
        world.a,
        DOMAIN_B,
        evmAddressToBytes32(world.routerB.address),
        { body, gasLimit: GAS_LIMIT },
      )
      const [delivered] = eventsIn(
        await relay(world, world.a, world.b, sent.message),
        world.b,
        'MessageDelivered',
      )
      return delivered!
    }
    const ok = encodeCalls([targetCall('increment', [1n])])
    const cases: { body: Hex; errorName: string; args: readonly unknown[] }[] = [
      {
        body: encodeBody(KIND_CALL, alice, ok, 2),
        errorName: 'InterchainAccountRouterUnknownVersion',
        args: [2],
      },
      {
        body: encodeBody(3, alice, ok),
        errorName: 'InterchainAccountRouterUnknownKind',
        args: [3],
      },
      {
        // A CosmWasm JSON batch sent to an EVM router: the kind is fine, the payload is not.
        body: encodeBody(KIND_CALL, alice, toHex('[{"bank":{"send":{}}}]')),
        errorName: 'RemoteCallCodecMalformedPayload',
        args: [22n],
      },
      { body: '0x0101', errorName: 'InterchainAccountRouterMalformedBody', args: [2n] },
      {
        body: encodeBody(KIND_CALL, alice, '0x1234'),
        errorName: 'RemoteCallCodecMalformedPayload',
        args: [2n],
      },
      {
        body: encodeBody(KIND_CALL, alice, `0x${'00'.repeat(31)}40${'00'.repeat(32)}`),
        errorName: 'RemoteCallCodecMalformedPayload',
        args: [64n],
      },
      {
        body: encodeBody(
          KIND_CALL,
          alice,
          encodeCalls([{ target: `0x01${'00'.repeat(31)}`, value: 0n, data: '0x' }]),
        ),
        errorName: 'InterchainAccountRouterInvalidTarget',
        args: [0n, `0x01${'00'.repeat(31)}`],
      },
      {
        body: encodeBody(
          KIND_READ,
          alice,
          encodeCalls([{ target: `0x01${'00'.repeat(31)}`, value: 0n, data: '0x' }]),
        ),
        errorName: 'InterchainAccountRouterInvalidTarget',
        args: [0n, `0x01${'00'.repeat(31)}`],
      },
      {
        body: encodeBody(
          KIND_READ,
          alice,
          encodeCalls([
            call(
              world.target.address,
              encodeFunctionData({ abi: world.target.abi, functionName: 'big', args: [1_000n] }),
            ),
          ]),
        ),
        errorName: 'InterchainAccountRouterResultTooLarge',
        // abi.encode(bytes[1]) of a 1,000-byte bytes return (abi.encode(bytes) = 1,088 bytes).
        args: [32n + 32n + 32n + 32n + 1_088n, 1_024n],
      },
    ]
    for (const { body, errorName, args } of cases) {
      const delivered = await deliver(body)
      expect(delivered.status, errorName).toBe(MessageStatus.Failed)
      expect(await decodeRevert(delivered.result)).toEqual({ errorName, args })
    }
    expect(await world.target.read.count()).toBe(0n)

    // A revert reason longer than 896 bytes is cut, so the error still fits the result whole.
    const longReason = toHex(new Uint8Array(2_000).fill(0xab))
    const delivered = await deliver(
      encodeBody(
        KIND_CALL,
        alice,
        encodeCalls([
          call(
            world.target.address,
            encodeFunctionData({
              abi: world.target.abi,
              functionName: 'revertWith',
              args: [longReason],
            }),
          ),
        ]),
      ),
    )
    // selector 4 + index 32 + offset 32 + length 32 + 896: 996 bytes, within the 1,024 kept.
    expect(size(delivered.result)).toBe(996)
    expect(await decodeRevert(delivered.result)).toEqual({
      errorName: 'InterchainAccountRouterCallFailed',
      args: [0n, toHex(new Uint8Array(896).fill(0xab))],
    })
  })

  it('an owner with a 32-byte address (a CosmWasm contract on the origin) gets its own account', async () => {
    // The peer on A stands in for a CosmWasm router: it sends the body a CosmWasm origin sends.
    const cosmwasmRouter = await world.viem.deployContract('TestRecipient')
    await world.mined(
      world.routerB.write.setPeer([DOMAIN_A, evmAddressToBytes32(cosmwasmRouter.address)]),
    )
    const owner: Hex = `0x${'1f3c5a7e9b2d4f6081a3c5e7092b4d6f'.repeat(2)}`
    const account = await world.factoryB.read.accountAddress([DOMAIN_A, owner])
    const body = encodeBody(KIND_CALL, owner, encodeCalls([targetCall('increment', [9n])]))
    const { sent } = await sendFrom(
      world,
      cosmwasmRouter,
      world.a,
      DOMAIN_B,
      evmAddressToBytes32(world.routerB.address),
      { body, gasLimit: GAS_LIMIT },
    )
    const [delivered] = eventsIn(
      await relay(world, world.a, world.b, sent.message),
      world.b,
      'MessageDelivered',
    )
    expect(delivered?.status).toBe(MessageStatus.Executed)
    expect(decodeResults(delivered!.result)).toEqual([toHex(9n, { size: 32 })])
    expect(await world.publicClient.getCode({ address: account })).toBeDefined()
    expect(account).not.toBe(await aliceAccount())
  })

  it('encodes results exactly as the spec says', () => {
    expect(encodeResults(['0x', '0x01'])).toBe(
      `0x${['20', '02', '40', '60', '00', '01', `01${'00'.repeat(31)}`]
        .map((w, i) => (i === 6 ? w : w.padStart(64, '0')))
        .join('')}`,
    )
  })
})
