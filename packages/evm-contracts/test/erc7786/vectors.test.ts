// The examples of spec/apps/erc7786-gateway.json, reproduced by the contracts: the attribute
// selectors, the chains a gateway maps (and the one it names itself), recipients on each chain
// kind as the gateway routes them, the Ferry gas limits, the bodies through the codec and a real
// send, and the rebuilt message id checked against the protocol codec.
import { decodeMessage, evmAddressToBytes32 } from '@ferry/protocol'
import { erc7786GatewayVectors as vectors } from '@ferry/spec'
import { type Hex, keccak256, size } from 'viem'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  deployGatewayWorld,
  encodeGatewayBody,
  evmInterop,
  type GatewayWorld,
} from '../helpers/gateway.ts'
import { DOMAIN_A, FEE_CONFIG, sentIn } from '../helpers/world.ts'

describe('spec/apps/erc7786-gateway.json', () => {
  let world: GatewayWorld

  beforeEach(async () => {
    world = await deployGatewayWorld()
  })

  it('the gateway supports exactly the example attributes, with their selectors', async () => {
    const gateway = world.gatewayA
    expect([
      await gateway.read.MIN_GAS_LIMIT_ATTRIBUTE(),
      await gateway.read.ACK_GAS_LIMIT_ATTRIBUTE(),
      await gateway.read.DELIVER_BEFORE_ATTRIBUTE(),
    ]).toEqual(vectors.attributes.map((a) => a.selector))
    for (const { selector } of vectors.attributes) {
      expect(await gateway.read.supportsAttribute([selector])).toBe(true)
    }
    expect(vectors.receiveMessageSelector).toBe('0x2432ef26')
    expect(
      keccak256(new TextEncoder().encode('receiveMessage(bytes32,bytes,bytes)')).slice(0, 10),
    ).toBe(vectors.receiveMessageSelector)
  })

  it('maps every example chain, and an EVM gateway names its own chain as the example does', async () => {
    for (const [i, { name, chain }] of vectors.chains.entries()) {
      // eip155:31337 is already the gateway's own (domain 31337).
      const [mapped, existing] = await world.gatewayA.read.domainOf([chain])
      const domain = mapped ? existing : 100 + i
      if (!mapped) await world.mined(world.gatewayA.write.setChain([domain, chain]))
      expect(await world.gatewayA.read.chainOf([domain]), name).toBe(chain)
      expect(await world.gatewayA.read.domainOf([chain])).toEqual([true, domain])
      const eip155 = /^eip155:(\d+)$/.exec(name)
      if (eip155) {
        const chainId = BigInt(eip155[1] as string)
        expect(evmInterop(chainId)).toBe(chain)
        // A gateway deployed with that chain id maps its own domain to the example's bytes.
        const own = await world.viem.deployContract('FerryGateway', [
          world.a.endpoint.address,
          world.owner.account.address,
          200_000,
          chainId,
        ])
        expect(await own.read.chainOf([DOMAIN_A])).toBe(chain)
      }
    }
  })

  it('routes a recipient given in each example address form to its account', async () => {
    const seen = new Set<Hex>()
    for (const [i, { name, chain, account, interop }] of vectors.addresses.entries()) {
      const [known] = await world.gatewayA.read.domainOf([chain])
      if (!known && !seen.has(chain)) {
        seen.add(chain)
        await world.mined(world.gatewayA.write.setChain([200 + i, chain]))
      }
      const [, mapped] = await world.gatewayA.read.domainOf([chain])
      await world.mined(world.gatewayA.write.setPeer([mapped, `0x${'ee'.repeat(32)}`]))
      await world.mined(
        world.a.endpoint.write.setFeeConfig([mapped, FEE_CONFIG], {
          account: world.feeManager.account,
        }),
      )
      const fee = await world.gatewayA.read.quoteMessage([interop, '0x', []])
      const sent = sentIn(
        await world.mined(
          world.gatewayA.write.sendMessage([interop, '0x', []], {
            value: fee,
            account: world.alice.account,
          }),
        ),
        world.a,
      )
      const message = decodeMessage(sent.message)
      expect(message.destination, name).toBe(mapped)
      expect(message.body.slice(2 + 49 * 2, 2 + 81 * 2), name).toBe(account.slice(2))
    }
  })

  it('the gateway sends the example sender form of an EVM caller', async () => {
    const [evm] = vectors.addresses
    expect(evm?.account).toBe(evmAddressToBytes32(world.alice.account.address))
    const to = evmInterop(31338, world.gatewayB.address)
    const fee = await world.gatewayA.read.quoteMessage([to, '0x', []])
    const receipt = await world.mined(
      world.gatewayA.write.sendMessage([to, '0x', []], {
        value: fee,
        account: world.alice.account,
      }),
    )
    const logs = await world.publicClient.getContractEvents({
      address: world.gatewayA.address,
      abi: world.gatewayA.abi,
      eventName: 'MessageSent',
      blockHash: receipt.blockHash,
    })
    expect(logs[0]?.args.sender).toBe(evm?.interop)
  })

  it('computes the example Ferry gas limits', async () => {
    for (const { recipientGas, payloadLength, gasLimit } of vectors.gasLimits) {
      expect(
        await world.gatewayA.read.ferryGasLimit([BigInt(recipientGas), BigInt(payloadLength)]),
      ).toBe(BigInt(gasLimit))
    }
  })

  it('encodes and decodes every example body', async () => {
    const harness = await world.viem.deployContract('GatewayCodecHarness')
    for (const b of vectors.bodies) {
      expect(
        await harness.read.encode([
          b.gasLimit,
          b.ackGasLimit,
          BigInt(b.deadline),
          b.sender,
          b.recipient,
          b.payload,
        ]),
        b.name,
      ).toBe(b.body)
      expect(
        encodeGatewayBody({ ...b, deadline: BigInt(b.deadline) }),
        `${b.name} (the tests' encoder)`,
      ).toBe(b.body)
      expect(await harness.read.decode([b.body])).toEqual([
        1,
        b.gasLimit,
        b.ackGasLimit,
        BigInt(b.deadline),
        b.sender,
        b.recipient,
        b.payload,
      ])
    }
  })

  it('the example message id is the protocol id of the message rebuilt from the handler arguments and the body', () => {
    for (const m of vectors.messageIds) {
      const decoded = decodeMessage(m.message)
      const body = vectors.bodies.find((b) => b.body === m.body)
      if (!body) throw new Error('the example names no example body')
      expect(decoded).toMatchObject({
        origin: m.origin,
        sender: m.sender,
        destination: m.destination,
        recipient: m.recipient,
        nonce: BigInt(m.nonce),
        deadline: BigInt(body.deadline),
        gasLimit: body.gasLimit,
        ackGasLimit: body.ackGasLimit,
        body: m.body,
      })
      expect(keccak256(m.message)).toBe(m.id)
      expect(size(m.message)).toBe(98 + size(m.body))
    }
  })
})
