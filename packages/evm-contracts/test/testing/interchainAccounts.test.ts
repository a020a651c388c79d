// The /testing helpers for interchain accounts, as an app developer uses them: deploy Ferry and the
// routers on two domains, connect them, make a remote call and relay it (and its ack) with
// relayMessages, which delivers with deliverBatch.
import { evmAddressToBytes32, MessageStatus } from '@ferry/protocol'
import { checkpointsVectors } from '@ferry/spec'
import { network } from 'hardhat'
import { decodeAbiParameters, encodeFunctionData, getAddress, type Hex } from 'viem'
import { expect, it } from 'vitest'
import {
  connectEndpoints,
  connectInterchainAccounts,
  deployFerry,
  deployInterchainAccounts,
  relayMessages,
} from '../../src/testing/index.ts'

const { validators } = checkpointsVectors

it('deploys, connects and relays a remote call and its ack end to end', async () => {
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
  const icaA = await deployInterchainAccounts(chain, { endpoint: a.endpoint })
  const icaB = await deployInterchainAccounts(chain, { endpoint: b.endpoint })
  await connectInterchainAccounts(chain, {
    router: icaA.router,
    remote: { domain: 2, router: icaB.router },
  })
  await connectInterchainAccounts(chain, {
    router: icaB.router,
    remote: { domain: 1, router: icaA.router },
  })

  const target = await viem.deployContract('RemoteCallTarget')
  const routerA = await viem.getContractAt('InterchainAccountRouter', icaA.router)
  const calls = [
    {
      target: evmAddressToBytes32(target.address),
      value: 0n,
      data: encodeFunctionData({ abi: target.abi, functionName: 'increment', args: [3n] }),
    },
  ]
  const fee = await routerA.read.quoteCallRemote([2, calls, 400_000, 100_000])
  await client.waitForTransactionReceipt({
    hash: await routerA.write.callRemote([2, calls, 400_000, 100_000, 0n], {
      value: fee,
      account: alice.account,
    }),
  })
  const validatorKeys = validators.slice(0, 3).map((v) => v.privateKey as Hex)
  const there = await relayMessages({
    origin: { client, endpoint: a.endpoint, domain: 1 },
    destination: { client, wallet, endpoint: b.endpoint, domain: 2 },
    validatorKeys,
  })
  expect(there.delivered.map((m) => m.status)).toEqual([MessageStatus.Executed])
  const [results] = decodeAbiParameters([{ type: 'bytes[]' }], there.delivered[0]!.result)
  expect(results.map((r) => BigInt(r))).toEqual([3n])

  const factoryB = await viem.getContractAt('InterchainAccountFactory', icaB.factory)
  const account = await factoryB.read.accountAddress([
    1,
    evmAddressToBytes32(alice.account.address),
  ])
  expect(getAddress(await factoryB.read.router())).toBe(getAddress(icaB.router))
  expect(await client.getCode({ address: account })).toBeDefined()

  const back = await relayMessages({
    origin: { client, endpoint: b.endpoint, domain: 2 },
    destination: { client, wallet, endpoint: a.endpoint, domain: 1 },
    validatorKeys,
  })
  expect(back.delivered.map((m) => m.status)).toEqual([MessageStatus.Executed])

  // A replacement router over the same factory reaches the same account.
  const replacement = await deployInterchainAccounts(chain, {
    endpoint: b.endpoint,
    factory: icaB.factory,
  })
  expect(replacement.factory).toBe(icaB.factory)
  expect(getAddress(await factoryB.read.router())).toBe(getAddress(replacement.router))
  const routerB2 = await viem.getContractAt('InterchainAccountRouter', replacement.router)
  expect(await routerB2.read.accountAddress([1, evmAddressToBytes32(alice.account.address)])).toBe(
    account,
  )
})
