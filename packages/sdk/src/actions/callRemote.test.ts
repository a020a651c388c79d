import { remoteCallTargetAbi } from '@ferry/evm-contracts'
import {
  bech32ToBytes32,
  encodeRemoteResults,
  evmAddressToBytes32,
  MessageStatus,
} from '@ferry/protocol'
import { type Address, encodeAbiParameters, type Hex, hexToString } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createFerryClient } from '../client/createFerryClient.js'
import { MaxFeeExceededError } from '../errors/MaxFeeExceededError.js'
import { NoInterchainAccountRouterError } from '../errors/NoInterchainAccountRouterError.js'
import { RemoteCallFailedError } from '../errors/RemoteCallFailedError.js'
import { startWorld, type World } from '../test/world.js'
import { callRemote } from './callRemote.js'
import { getInterchainAccount } from './getInterchainAccount.js'
import { getMessage } from './getMessage.js'
import { readRemote } from './readRemote.js'
import { retryMessage } from './retryMessage.js'

// Remote calls over the sdk's test world: two EVM endpoints on one `hardhat node` and an
// embedded CosmWasm chain, each with an interchain-account router, relayed by the test (`relay`).

let world: World
beforeAll(async () => {
  world = await startWorld()
})
afterAll(() => world?.stop())

const poll = { pollIntervalMs: 50, timeoutMs: 30_000 }
const targetOf = (chain: World['evmA']): Address => {
  const target = chain.apps.interchainAccounts?.target
  if (!target) throw new Error('the world deploys a RemoteCallTarget')
  return target
}

describe('EVM → EVM', () => {
  test('calls run through the caller’s predicted account and come back typed', async () => {
    const { client, evmA, evmB } = world
    const target = targetOf(evmB)
    const owner = evmA.wallet.account?.address ?? '0x'
    const before = await getInterchainAccount(client, {
      origin: 'evm-a',
      owner,
      destination: 'evm-b',
    })
    expect(before.created).toBe(false)

    const call = await callRemote(client, {
      from: 'evm-a',
      to: 'evm-b',
      calls: [
        { address: target, abi: remoteCallTargetAbi, functionName: 'increment', args: [5n] },
        { address: target, abi: remoteCallTargetAbi, functionName: 'count' },
        { address: target, abi: remoteCallTargetAbi, functionName: 'received', args: [owner] },
      ],
      gasLimit: 500_000,
    })
    expect(call.feePaid).toBeGreaterThan(0n)
    expect(await world.relay(client.chain('evm-a'), client.chain('evm-b'))).toEqual([
      { id: call.id, status: MessageStatus.Executed },
    ])
    const [incremented, count, received] = await call.result(poll)
    expect([incremented, count, received]).toEqual([5n, 5n, 0n])
    // With no relayer API, getMessage reads the result from the destination's events.
    expect(await getMessage(client, { id: call.id })).toMatchObject({
      type: 'executed',
      result: encodeRemoteResults(
        [5n, 5n, 0n].map((n) => encodeAbiParameters([{ type: 'uint256' }], [n])),
      ),
    })

    const after = await getInterchainAccount(client, {
      origin: 'evm-a',
      owner,
      destination: 'evm-b',
    })
    expect(after).toEqual({ address: before.address, created: true })
  })

  test('a failing call fails the whole batch, named and decoded; retried with the fix, it runs', async () => {
    const { client, evmB } = world
    const target = targetOf(evmB)
    await evmB.wallet.writeContract({
      address: target,
      abi: remoteCallTargetAbi,
      functionName: 'setFailing',
      args: [true],
      account: evmB.wallet.account ?? null,
      chain: evmB.wallet.chain,
    })
    const before = await readCount(world, target)
    const call = await callRemote(client, {
      from: 'evm-a',
      to: 'evm-b',
      calls: [
        { address: target, abi: remoteCallTargetAbi, functionName: 'increment', args: [1n] },
        { address: target, abi: remoteCallTargetAbi, functionName: 'maybeFail', args: [7n] },
      ],
      gasLimit: 500_000,
    })
    await world.relay(client.chain('evm-a'), client.chain('evm-b'))
    const failed = await call.result(poll).catch((error: unknown) => error)
    expect(failed).toBeInstanceOf(RemoteCallFailedError)
    expect(failed).toMatchObject({
      code: 'remote_call_failed',
      state: 'failed',
      index: 1,
      reason: { errorName: 'RemoteCallTargetFailing', args: [7n] },
      retryable: true,
    })
    // Nothing of the batch stuck: the first call's increment was undone with the second.
    expect(await readCount(world, target)).toBe(before)

    await evmB.wallet.writeContract({
      address: target,
      abi: remoteCallTargetAbi,
      functionName: 'setFailing',
      args: [false],
      account: evmB.wallet.account ?? null,
      chain: evmB.wallet.chain,
    })
    const [message] = await client
      .reader(client.chain('evm-a'))
      .getSentMessages(0n, (await client.reader(client.chain('evm-a')).getHead()).number)
      .then((events) => events.filter(({ id }) => id === call.id))
    if (!message) throw new Error('the call was sent')
    await retryMessage(client, { message, gasLimit: 500_000 })
    expect(await call.result(poll)).toEqual([before + 1n, before + 8n])
  })

  test('reads return the values at the delivery block, typed', async () => {
    const { client, evmB } = world
    const target = targetOf(evmB)
    const holder = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
    await evmB.wallet.writeContract({
      address: target,
      abi: remoteCallTargetAbi,
      functionName: 'setBalance',
      args: [holder, 1234n],
      account: evmB.wallet.account ?? null,
      chain: evmB.wallet.chain,
    })
    const read = await readRemote(client, {
      from: 'evm-a',
      to: 'evm-b',
      calls: [
        { address: target, abi: remoteCallTargetAbi, functionName: 'balanceOf', args: [holder] },
      ],
      gasLimit: 200_000,
    })
    await world.relay(client.chain('evm-a'), client.chain('evm-b'))
    expect(await read.result(poll)).toEqual([1234n])
  })

  test('a quote above maxFee is refused before anything is signed', async () => {
    const { client, evmB } = world
    const target = targetOf(evmB)
    await expect(
      callRemote(client, {
        from: 'evm-a',
        to: 'evm-b',
        calls: [{ address: target, abi: remoteCallTargetAbi, functionName: 'count' }],
        gasLimit: 100_000,
        maxFee: 1n,
      }),
    ).rejects.toBeInstanceOf(MaxFeeExceededError)
  })

  test('a chain without a router is named', async () => {
    const { evmA, evmB } = world
    const bare = createFerryClient({
      chains: [
        {
          kind: 'evm',
          name: 'evm-a',
          domain: evmA.domain,
          endpoint: evmA.endpoint,
          publicClient: evmA.client,
          walletClient: evmA.wallet,
        },
        {
          kind: 'evm',
          name: 'evm-b',
          domain: evmB.domain,
          endpoint: evmB.endpoint,
          publicClient: evmB.client,
        },
      ],
    })
    const refused = await callRemote(bare, {
      from: 'evm-a',
      to: 'evm-b',
      calls: [{ address: targetOf(evmB), abi: remoteCallTargetAbi, functionName: 'count' }],
      gasLimit: 100_000,
    }).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(NoInterchainAccountRouterError)
    expect(refused).toMatchObject({ chain: 'evm-a', action: 'callRemote' })
  })
})

describe('across kinds', () => {
  test('EVM → CosmWasm: the account executes, each call’s data comes back through decode', async () => {
    const { client, evmA, wasm } = world
    const recipient = wasm.apps.testRecipients[0] ?? ''
    const owner = evmA.wallet.account?.address ?? '0x'
    const account = await getInterchainAccount(client, {
      origin: 'evm-a',
      owner,
      destination: 'wasm',
    })
    expect(account.address.startsWith('wasm1')).toBe(true)
    const handle = (text: string) => ({
      contract: recipient,
      msg: {
        ferry_handle: {
          origin: 1,
          sender: `0x${'00'.repeat(32)}`,
          nonce: '1',
          body: btoa(`ok:${text}`),
        },
      },
      decode: (data: Hex) => hexToString(data),
    })
    const call = await callRemote(client, {
      from: 'evm-a',
      to: 'wasm',
      calls: [handle('one'), handle('two')],
      gasLimit: 1_000_000,
    })
    expect(await world.relay(client.chain('evm-a'), client.chain('wasm'))).toEqual([
      { id: call.id, status: MessageStatus.Executed },
    ])
    const [one, two] = await call.result(poll)
    expect([one, two]).toEqual(['one', 'two'])
    expect(
      await getInterchainAccount(client, { origin: 'evm-a', owner, destination: 'wasm' }),
    ).toEqual({ address: account.address, created: true })
  })

  test('EVM → CosmWasm: a smart query read, decoded as JSON', async () => {
    const { client, wasm } = world
    const recipient = wasm.apps.testRecipients[0] ?? ''
    const read = await readRemote(client, {
      from: 'evm-a',
      to: 'wasm',
      calls: [
        {
          contract: recipient,
          query: { handled: {} },
          decode: (data: Hex) => JSON.parse(hexToString(data)) as { count: number },
        },
      ],
      gasLimit: 500_000,
    })
    await world.relay(client.chain('evm-a'), client.chain('wasm'))
    const [handled] = await read.result(poll)
    expect(handled.count).toBeGreaterThanOrEqual(2)
  })

  test('CosmWasm → EVM: the CosmWasm user’s account increments the counter', async () => {
    const { client, evmB } = world
    const target = targetOf(evmB)
    const before = await readCount(world, target)
    const call = await callRemote(client, {
      from: 'wasm',
      to: 'evm-b',
      calls: [{ address: target, abi: remoteCallTargetAbi, functionName: 'increment', args: [3n] }],
      gasLimit: 500_000,
    })
    expect(await world.relay(client.chain('wasm'), client.chain('evm-b'))).toEqual([
      { id: call.id, status: MessageStatus.Executed },
    ])
    expect(await call.result(poll)).toEqual([before + 3n])
    // The account is the CosmWasm owner's, by its 32-byte canonical address.
    const owner = client.chain('wasm').executor?.sender ?? ''
    const { address, created } = await getInterchainAccount(client, {
      origin: 'wasm',
      owner,
      destination: 'evm-b',
    })
    expect(created).toBe(true)
    expect(address).not.toBe(evmAddressToBytes32(address))
    expect(bech32ToBytes32(owner)).toMatch(/^0x[0-9a-f]{64}$/)
  })
})

async function readCount(world: World, target: Address): Promise<bigint> {
  return world.evmB.client.readContract({
    address: target,
    abi: remoteCallTargetAbi,
    functionName: 'count',
  })
}
