// OpenZeppelin 5.7's crosschain contracts, as published, over two Ferry endpoints with real
// proofs through FerryGateway: BridgeERC20 (lock) <-> ERC20Crosschain (mint/burn) both ways,
// CrosschainRemoteExecutor commanded from the other chain, and GovernorCrosschain executing a
// proposal's cross-chain action. None of them pays a fee (their calls carry no value), so each
// message is parked and paid with payPending: the gateway's documented fallback.
import { MessageStatus } from '@ferry/protocol'
import {
  type Address,
  concatHex,
  encodeAbiParameters,
  encodeFunctionData,
  encodePacked,
  getAddress,
  getContractAddress,
  type Hex,
  keccak256,
  parseEventLogs,
  stringToHex,
  zeroHash,
} from 'viem'
import { beforeEach, describe, expect, it } from 'vitest'
import { deployGatewayWorld, evmInterop, type GatewayWorld, payParked } from '../helpers/gateway.ts'
import { decodeRevert } from '../helpers/revert.ts'
import { DOMAIN_A, DOMAIN_B, eventsIn, relay } from '../helpers/world.ts'

/** ERC-7579 mode of a single call that reverts on failure: all zero. */
const MODE_SINGLE = zeroHash

/** ERC-7579 single execution calldata: `target | value | callData`, packed. */
function single(target: Address, callData: Hex, value = 0n): Hex {
  return encodePacked(['address', 'uint256', 'bytes'], [target, value, callData])
}

describe('OpenZeppelin crosschain contracts over FerryGateway', () => {
  let world: GatewayWorld

  beforeEach(async () => {
    world = await deployGatewayWorld()
  })

  /** The address the owner's next deployment (after `skip` more) will get. */
  async function nextAddress(skip = 0): Promise<Address> {
    const nonce = await world.publicClient.getTransactionCount({
      address: world.owner.account.address,
    })
    return getContractAddress({ from: world.owner.account.address, nonce: BigInt(nonce + skip) })
  }

  /** Relays every message in `sent` from A to B (or B to A), expecting each Executed. */
  async function relayAll(
    sent: readonly { message: Hex; id: Hex }[],
    from: 'a' | 'b',
  ): Promise<void> {
    const [origin, destination] = from === 'a' ? [world.a, world.b] : [world.b, world.a]
    for (const { message } of sent) {
      const [delivered] = eventsIn(
        await relay(world, origin, destination, message),
        destination,
        'MessageDelivered',
      )
      expect(delivered?.status, delivered?.result).toBe(MessageStatus.Executed)
    }
  }

  it('BridgeERC20 locks on A, ERC20Crosschain mints on B, and back again, with exact balances', async () => {
    const token = await world.viem.deployContract('OzTestToken')
    // The two contracts name each other at construction: predict the second's address.
    const tokenBAddress = await nextAddress(1)
    const bridgeA = await world.viem.deployContract('OzBridgeERC20', [
      token.address,
      [{ gateway: world.gatewayA.address, counterpart: evmInterop(DOMAIN_B, tokenBAddress) }],
    ])
    const tokenB = await world.viem.deployContract('OzERC20Crosschain', [
      [{ gateway: world.gatewayB.address, counterpart: evmInterop(DOMAIN_A, bridgeA.address) }],
    ])
    expect(getAddress(tokenB.address)).toBe(getAddress(tokenBAddress))

    const alice = world.alice.account.address
    const bob = world.bob.account.address
    await world.mined(token.write.mint([alice, 1_000n]))
    await world.mined(
      token.write.approve([bridgeA.address, 400n], { account: world.alice.account }),
    )

    // A -> B: alice locks 400 for bob.
    const out = await world.mined(
      bridgeA.write.crosschainTransfer([evmInterop(DOMAIN_B, bob), 400n], {
        account: world.alice.account,
      }),
    )
    const [transferSent] = parseEventLogs({
      abi: bridgeA.abi,
      logs: out.logs,
      eventName: 'CrosschainFungibleTransferSent',
    })
    expect(BigInt(transferSent!.args.sendId)).not.toBe(0n) // parked: the bridge paid nothing
    expect(await world.gatewayA.read.isPending([transferSent!.args.sendId])).toBe(true)
    const [toB] = await payParked(world, world.gatewayA, world.a, out)
    const atB = await relay(world, world.a, world.b, toB!.message)
    const [received] = parseEventLogs({
      abi: tokenB.abi,
      logs: atB.logs,
      eventName: 'CrosschainFungibleTransferReceived',
    })
    expect(received?.args.receiveId).toBe(toB!.id)
    expect(received?.args.to.toLowerCase()).toBe(bob.toLowerCase())
    expect(await token.read.balanceOf([alice])).toBe(600n)
    expect(await token.read.balanceOf([bridgeA.address])).toBe(400n)
    expect(await tokenB.read.balanceOf([bob])).toBe(400n)
    expect(await tokenB.read.totalSupply()).toBe(400n)

    // B -> A: bob burns 150 for alice; the bridge releases them.
    const back = await world.mined(
      tokenB.write.crosschainTransfer([evmInterop(DOMAIN_A, alice), 150n], {
        account: world.bob.account,
      }),
    )
    const toA = await payParked(world, world.gatewayB, world.b, back)
    await relayAll(toA, 'b')
    expect(await tokenB.read.balanceOf([bob])).toBe(250n)
    expect(await tokenB.read.totalSupply()).toBe(250n)
    expect(await token.read.balanceOf([alice])).toBe(750n)
    expect(await token.read.balanceOf([bridgeA.address])).toBe(250n)
  })

  it('a bridge refuses a message its gateway delivers from an app that is not its counterpart', async () => {
    const token = await world.viem.deployContract('OzTestToken')
    const tokenB = await world.viem.deployContract('OzERC20Crosschain', [
      [{ gateway: world.gatewayB.address, counterpart: evmInterop(DOMAIN_A, token.address) }],
    ])
    // Alice (not the counterpart) sends a well-formed mint order through the real gateway:
    // BridgeFungible's payload, abi.encode(bytes from, bytes to, uint256 amount).
    const abiPayload = encodeAbiParameters(
      [{ type: 'bytes' }, { type: 'bytes' }, { type: 'uint256' }],
      [evmInterop(DOMAIN_A, world.alice.account.address), world.alice.account.address, 1_000n],
    )
    const to = evmInterop(DOMAIN_B, tokenB.address)
    const fee = await world.gatewayA.read.quoteMessage([to, abiPayload, []])
    const receipt = await world.mined(
      world.gatewayA.write.sendMessage([to, abiPayload, []], {
        value: fee,
        account: world.alice.account,
      }),
    )
    const [sent] = eventsIn(receipt, world.a, 'MessageSent')
    const [delivered] = eventsIn(
      await relay(world, world.a, world.b, sent!.message),
      world.b,
      'MessageDelivered',
    )
    expect(delivered?.status).toBe(MessageStatus.Failed)
    expect(await decodeRevert(delivered!.result)).toEqual({
      errorName: 'ERC7786RecipientUnauthorizedGateway',
      args: [getAddress(world.gatewayB.address), evmInterop(DOMAIN_A, world.alice.account.address)],
    })
    expect(await tokenB.read.totalSupply()).toBe(0n)
  })

  it('CrosschainRemoteExecutor on B runs what its controller on A sends, and only that', async () => {
    const controller = world.alice.account.address
    const executor = await world.viem.deployContract('CrosschainRemoteExecutor', [
      world.gatewayB.address,
      evmInterop(DOMAIN_A, controller),
    ])
    const token = await world.viem.deployContract('OzTestToken')
    await world.mined(token.write.mint([executor.address, 1_000n]))

    const to = evmInterop(DOMAIN_B, executor.address)
    const send = async (from: GatewayWorld['alice'], amount: bigint) => {
      const payload = concatHex([
        MODE_SINGLE,
        single(
          token.address,
          encodeFunctionData({
            abi: token.abi,
            functionName: 'transfer',
            args: [world.bob.account.address, amount],
          }),
        ),
      ])
      const fee = await world.gatewayA.read.quoteMessage([to, payload, []])
      const receipt = await world.mined(
        world.gatewayA.write.sendMessage([to, payload, []], { value: fee, account: from.account }),
      )
      const [sent] = eventsIn(receipt, world.a, 'MessageSent')
      const [delivered] = eventsIn(
        await relay(world, world.a, world.b, sent!.message),
        world.b,
        'MessageDelivered',
      )
      return delivered!
    }

    expect((await send(world.alice, 100n)).status).toBe(MessageStatus.Executed)
    expect(await token.read.balanceOf([world.bob.account.address])).toBe(100n)
    expect(await token.read.balanceOf([executor.address])).toBe(900n)

    // Bob is not the controller: the executor refuses, the message is Failed, nothing moves.
    const refused = await send(world.bob, 500n)
    expect(refused.status).toBe(MessageStatus.Failed)
    expect(await decodeRevert(refused.result)).toEqual({
      errorName: 'ERC7786RecipientUnauthorizedGateway',
      args: [getAddress(world.gatewayB.address), evmInterop(DOMAIN_A, world.bob.account.address)],
    })
    expect(await token.read.balanceOf([executor.address])).toBe(900n)
  })

  it('GovernorCrosschain on A executes a proposal whose action runs on B through the executor', async () => {
    const votes = await world.viem.deployContract('OzVotesToken')
    const governor = await world.viem.deployContract('OzGovernorCrosschain', [votes.address])
    const executor = await world.viem.deployContract('CrosschainRemoteExecutor', [
      world.gatewayB.address,
      evmInterop(DOMAIN_A, governor.address),
    ])
    const token = await world.viem.deployContract('OzTestToken')
    await world.mined(token.write.mint([executor.address, 1_000n]))

    const alice = world.alice.account
    await world.mined(votes.write.mint([alice.address, 100n]))
    await world.mined(votes.write.delegate([alice.address], { account: alice }))
    await world.testClient.mine({ blocks: 1 })

    const action = encodeFunctionData({
      abi: governor.abi,
      functionName: 'relayCrosschain',
      args: [
        world.gatewayA.address,
        evmInterop(DOMAIN_B, executor.address),
        MODE_SINGLE,
        single(
          token.address,
          encodeFunctionData({
            abi: token.abi,
            functionName: 'transfer',
            args: [world.bob.account.address, 250n],
          }),
        ),
      ],
    })
    const description = 'Pay bob 250 on B'
    const proposal = [[governor.address], [0n], [action]] as const
    await world.mined(governor.write.propose([...proposal, description], { account: alice }))
    const proposalId = await governor.read.hashProposal([
      ...proposal,
      keccak256(stringToHex(description)),
    ])
    await world.testClient.mine({ blocks: 2 })
    await world.mined(governor.write.castVote([proposalId, 1], { account: alice }))
    await world.testClient.mine({ blocks: 6 })
    expect(await governor.read.state([proposalId])).toBe(4) // Succeeded

    const executed = await world.mined(
      governor.write.execute([...proposal, keccak256(stringToHex(description))], {
        account: alice,
      }),
    )
    expect(await governor.read.state([proposalId])).toBe(7) // Executed
    const sent = await payParked(world, world.gatewayA, world.a, executed)
    expect(sent).toHaveLength(1)
    await relayAll(sent, 'a')
    expect(await token.read.balanceOf([world.bob.account.address])).toBe(250n)
    expect(await token.read.balanceOf([executor.address])).toBe(750n)
  })
})
