// The /testing helpers for token bridges, as an app developer uses them: deploy Ferry and a lock
// and a mint bridge on two domains, connect them, transfer and relay with relayMessages.
import { evmAddressToBytes32, MessageStatus } from '@ferry/protocol'
import { checkpointsVectors } from '@ferry/spec'
import { network } from 'hardhat'
import type { Hex } from 'viem'
import { expect, it } from 'vitest'
import {
  connectEndpoints,
  connectTokenBridges,
  deployFerry,
  deployTokenBridge,
  relayMessages,
} from '../../src/testing/index.ts'

const { validators } = checkpointsVectors

it('deploys, connects and relays a token transfer with 18 -> 6 decimals end to end', async () => {
  const { viem } = await network.connect()
  const client = await viem.getPublicClient()
  const [wallet, alice, bob] = await viem.getWalletClients()
  if (!wallet || !alice || !bob) throw new Error('needs three accounts')
  const chain = { client, wallet }
  const a = await deployFerry(chain, { domain: 1 })
  const b = await deployFerry(chain, { domain: 2 })
  const addresses = validators.map((v) => v.address)
  await connectEndpoints(chain, { local: a, remote: b, validators: addresses, threshold: 3 })
  await connectEndpoints(chain, { local: b, remote: a, validators: addresses, threshold: 3 })
  const token = await viem.deployContract('OzTestToken')
  const lock = await deployTokenBridge(chain, {
    endpoint: a.endpoint,
    kind: 'collateral',
    token: token.address,
  })
  const mint = await deployTokenBridge(chain, {
    endpoint: b.endpoint,
    kind: 'synthetic',
    name: 'Bridged',
    symbol: 'bTT',
    decimals: 6,
  })
  await connectTokenBridges(chain, {
    bridge: lock.bridge,
    remote: { domain: 2, bridge: mint.bridge, decimals: 6 },
  })
  await connectTokenBridges(chain, {
    bridge: mint.bridge,
    remote: { domain: 1, bridge: lock.bridge, decimals: 18 },
  })

  await client.waitForTransactionReceipt({
    hash: await token.write.mint([alice.account.address, 5n * 10n ** 18n]),
  })
  await client.waitForTransactionReceipt({
    hash: await token.write.approve([lock.bridge, 5n * 10n ** 18n], { account: alice.account }),
  })
  const bridge = await viem.getContractAt('CollateralTokenBridge', lock.bridge)
  const [fee] = await bridge.read.quoteTransfer([2, 2n * 10n ** 18n])
  await client.waitForTransactionReceipt({
    hash: await bridge.write.transferRemote(
      [2, evmAddressToBytes32(bob.account.address), 2n * 10n ** 18n],
      { value: fee, account: alice.account },
    ),
  })
  const there = await relayMessages({
    origin: { client, endpoint: a.endpoint, domain: 1 },
    destination: { client, wallet, endpoint: b.endpoint, domain: 2 },
    validatorKeys: validators.slice(0, 3).map((v) => v.privateKey as Hex),
  })
  expect(there.delivered.map((m) => m.status)).toEqual([MessageStatus.Executed])
  const bridged = await viem.getContractAt('BridgedToken', mint.token)
  expect(await bridged.read.balanceOf([bob.account.address])).toBe(2_000_000n)
  expect(await bridged.read.decimals()).toBe(6)
})
