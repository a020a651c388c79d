// The /testing helpers for ERC-7786 gateways, as an app developer uses them: deploy Ferry and a
// gateway on two domains, connect them, send an ERC-7786 message and relay it with relayMessages.
import { MessageStatus } from '@ferry/protocol'
import { checkpointsVectors } from '@ferry/spec'
import { network } from 'hardhat'
import { getAddress, type Hex, stringToHex } from 'viem'
import { expect, it } from 'vitest'
import {
  connectEndpoints,
  connectGateways,
  deployFerry,
  deployGateway,
  relayMessages,
} from '../../src/testing/index.ts'
import { evmInterop } from '../helpers/gateway.ts'

const { validators } = checkpointsVectors

it('deploys, connects and relays an ERC-7786 message end to end', async () => {
  const { viem } = await network.connect()
  const client = await viem.getPublicClient()
  const [wallet, alice] = await viem.getWalletClients()
  if (!wallet || !alice) throw new Error('needs two accounts')
  const chain = { client, wallet }
  const a = await deployFerry(chain, { domain: 1 })
  const b = await deployFerry(chain, { domain: 2 })
  const addresses = validators.map((v) => v.address)
  await connectEndpoints(chain, { local: a, remote: b, validators: addresses, threshold: 3 })
  await connectEndpoints(chain, { local: b, remote: a, validators: addresses, threshold: 3 })
  const gatewayA = await deployGateway(chain, { endpoint: a.endpoint, localChainId: 1 })
  const gatewayB = await deployGateway(chain, { endpoint: b.endpoint, localChainId: 2 })
  await connectGateways(chain, { gateway: gatewayA, remote: { domain: 2, gateway: gatewayB } })
  await connectGateways(chain, { gateway: gatewayB, remote: { domain: 1, gateway: gatewayA } })

  const gateway = await viem.getContractAt('FerryGateway', gatewayA)
  expect(await gateway.read.chainOf([2])).toBe(evmInterop(2))
  const recipient = await viem.deployContract('TestERC7786Recipient')
  const to = evmInterop(2, recipient.address)
  const payload = stringToHex('through the helpers')
  const fee = await gateway.read.quoteMessage([to, payload, []])
  await client.waitForTransactionReceipt({
    hash: await gateway.write.sendMessage([to, payload, []], {
      value: fee,
      account: alice.account,
    }),
  })
  const there = await relayMessages({
    origin: { client, endpoint: a.endpoint, domain: 1 },
    destination: { client, wallet, endpoint: b.endpoint, domain: 2 },
    validatorKeys: validators.slice(0, 3).map((v) => v.privateKey as Hex),
  })
  expect(there.delivered.map((m) => m.status)).toEqual([MessageStatus.Executed])
  expect(await recipient.read.lastReceiveId()).toBe(there.delivered[0]!.id)
  expect(await recipient.read.lastSender()).toBe(evmInterop(1, alice.account.address))
  expect(getAddress(await recipient.read.lastGateway())).toBe(getAddress(gatewayB))
})
