// The factory outlives routers: accounts keep their CREATE2 address when the router is replaced,
// obey only the factory's current router, and can be deployed (and funded) by anyone in advance.
import { evmAddressToBytes32, MessageStatus } from '@ferry/protocol'
import {
  concatHex,
  encodeErrorResult,
  encodeFunctionData,
  getAddress,
  getContractAddress,
  type Hex,
  keccak256,
  parseEther,
  parseEventLogs,
  toHex,
} from 'viem'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  call,
  decodeResults,
  deployIcaWorld,
  type IcaWorld,
  sendBatch,
} from '../helpers/interchainAccounts.ts'
import { decodeRevert, expectRevert } from '../helpers/revert.ts'
import { DOMAIN_A, DOMAIN_B, eventsIn, relay } from '../helpers/world.ts'

describe('InterchainAccountFactory', () => {
  let world: IcaWorld
  let alice: Hex

  beforeEach(async () => {
    world = await deployIcaWorld()
    alice = evmAddressToBytes32(world.alice.account.address)
  })

  const increment = (by: bigint) =>
    call(
      world.target.address,
      encodeFunctionData({ abi: world.target.abi, functionName: 'increment', args: [by] }),
    )

  async function aliceSends(calls = [increment(1n)]) {
    const { sent } = await sendBatch(world, world.routerA, world.a, world.alice, DOMAIN_B, calls)
    const [delivered] = eventsIn(
      await relay(world, world.a, world.b, sent.message),
      world.b,
      'MessageDelivered',
    )
    return delivered!
  }

  it('the account address is the EIP-1167 CREATE2 address of (origin, owner), computable off-chain', async () => {
    const implementation = await world.factoryB.read.implementation()
    const salt = keccak256(concatHex([toHex(DOMAIN_A, { size: 4 }), alice]))
    expect(await world.factoryB.read.accountSalt([DOMAIN_A, alice])).toBe(salt)
    // EIP-1167 creation code around the implementation.
    const creation = concatHex([
      '0x3d602d80600a3d3981f3363d3d373d3d3d363d73',
      implementation,
      '0x5af43d82803e903d91602b57fd5bf3',
    ])
    const expected = getContractAddress({
      opcode: 'CREATE2',
      from: world.factoryB.address,
      salt,
      bytecode: creation,
    })
    expect(await world.factoryB.read.accountAddress([DOMAIN_A, alice])).toBe(expected)
    // Anyone may deploy it in advance; a second deployment is a no-op.
    const receipt = await world.mined(
      world.factoryB.write.deployAccount([DOMAIN_A, alice], { account: world.stranger.account }),
    )
    expect(
      parseEventLogs({ abi: world.factoryB.abi, logs: receipt.logs, eventName: 'AccountDeployed' })
        .length,
    ).toBe(1)
    const again = await world.mined(world.factoryB.write.deployAccount([DOMAIN_A, alice]))
    expect(
      parseEventLogs({ abi: world.factoryB.abi, logs: again.logs, eventName: 'AccountDeployed' }),
    ).toEqual([])
    const account = await world.viem.getContractAt('InterchainAccount', expected)
    expect((await account.read.factory()).toLowerCase()).toBe(world.factoryB.address)
  })

  it('router replaced: the same owner reaches the same account address, and the old router can no longer command it', async () => {
    const account = await world.factoryB.read.accountAddress([DOMAIN_A, alice])
    await world.mined(world.owner.sendTransaction({ to: account, value: parseEther('1') }))
    expect((await aliceSends()).status).toBe(MessageStatus.Executed)

    // A new router on B over the same factory; the factory's owner names it, the peers follow.
    const oldRouter = world.routerB
    const newRouter = await world.viem.deployContract('InterchainAccountRouter', [
      world.b.endpoint.address,
      world.factoryB.address,
      world.owner.account.address,
    ])
    const replaced = await world.mined(world.factoryB.write.setRouter([newRouter.address]))
    expect(
      parseEventLogs({ abi: world.factoryB.abi, logs: replaced.logs, eventName: 'RouterSet' })[0]
        ?.args,
    ).toEqual({
      previousRouter: getAddress(oldRouter.address),
      router: getAddress(newRouter.address),
    })
    await world.mined(
      newRouter.write.setPeer([DOMAIN_A, evmAddressToBytes32(world.routerA.address)]),
    )
    expect(await newRouter.read.accountAddress([DOMAIN_A, alice])).toBe(account)

    // The old router still peers with A's: its batches now fail at the account.
    const old = await aliceSends([increment(10n)])
    expect(old.status).toBe(MessageStatus.Failed)
    const accountAbi = (await world.viem.getContractAt('InterchainAccount', account)).abi
    expect(await decodeRevert(old.result)).toEqual({
      errorName: 'InterchainAccountNotRouter',
      args: [getAddress(oldRouter.address)],
    })
    expect(await world.target.read.count()).toBe(1n)

    // A's router switches to the new router: same account, its value and history intact.
    await world.mined(
      world.routerA.write.setPeer([DOMAIN_B, evmAddressToBytes32(newRouter.address)]),
    )
    const deposit = call(
      world.target.address,
      encodeFunctionData({ abi: world.target.abi, functionName: 'deposit' }),
      parseEther('0.5'),
    )
    const fresh = await aliceSends([increment(2n), deposit])
    expect(fresh.status).toBe(MessageStatus.Executed)
    expect(decodeResults(fresh.result)).toEqual([
      toHex(3n, { size: 32 }),
      toHex(parseEther('0.5'), { size: 32 }),
    ])
    expect(await world.target.read.received([account])).toBe(parseEther('0.5'))
    expect(await world.publicClient.getBalance({ address: account })).toBe(parseEther('0.5'))
    // The ABI-level check of what the old router got back, for completeness.
    expect(
      encodeErrorResult({
        abi: accountAbi,
        errorName: 'InterchainAccountNotRouter',
        args: [oldRouter.address],
      }),
    ).toBe(old.result)
  })

  it('only the owner names the router; zero leaves every account unreachable', async () => {
    await expectRevert(
      world.factoryB.write.setRouter([world.stranger.account.address], {
        account: world.stranger.account,
      }),
      'OwnableUnauthorizedAccount',
      [world.stranger.account.address],
    )
    await world.mined(
      world.factoryB.write.setRouter(['0x0000000000000000000000000000000000000000']),
    )
    const delivered = await aliceSends()
    expect(delivered.status).toBe(MessageStatus.Failed)
    expect((await decodeRevert(delivered.result)).errorName).toBe('InterchainAccountNotRouter')
  })
})
