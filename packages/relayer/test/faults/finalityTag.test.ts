// A validator on a chain whose finality is its node's `finalized` block (a rollup's soft blocks
// are final only once their batch is on L1) signs nothing above that block, however many blocks
// are on top, and a reorg of the unsafe blocks leaves nothing signed. Hardhat reports its latest
// block as `finalized`, so the node is read through the testkit's RPC proxy, which asks for
// `finalized` as the block the test says is final: the lagging finalized head of a rollup.
import { endpointAbi, testRecipientAbi } from '@ferry/evm-contracts'
import { MerkleTree } from '@ferry/protocol'
import { type RpcFaultProxy, startRpcFaultProxy } from '@ferry/testkit'
import { type Hex, numberToHex, parseEventLogs, stringToHex } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createValidator } from '../../src/core/validator/createValidator.ts'
import { openStore } from '../../src/store/openStore.ts'
import type { RelayerStore } from '../../src/store/types.ts'
import { testLogger } from '../world/agents.ts'
import { evmReader } from '../world/evmAdapters.ts'
import {
  type EvmChain,
  type EvmWorld,
  startEvmWorld,
  toB32,
  validatorKey,
} from '../world/evmWorld.ts'
import { mine } from './setup.ts'

describe('a validator on a finalized-tag chain', () => {
  let world: EvmWorld
  let a: EvmChain
  let b: EvmChain
  let proxy: RpcFaultProxy
  let store: RelayerStore
  /** The block the proxied node calls `finalized`. */
  let finalized = 0n

  beforeAll(async () => {
    world = await startEvmWorld({ intervalMs: 0 })
    ;[a, b] = world.chains as [EvmChain, EvmChain]
    proxy = await startRpcFaultProxy({ target: a.rpcUrl })
    proxy.setRewrite(({ method, params }) =>
      method === 'eth_getBlockByNumber' && Array.isArray(params) && params[0] === 'finalized'
        ? { method, params: [numberToHex(finalized), ...params.slice(1)] }
        : { method, params },
    )
    store = await openStore('memory://')
  })

  afterAll(async () => {
    await store?.close()
    await proxy?.close()
    await world?.stop()
  })

  /** Sends one message A → B; the nonce is read from the chain each time, as reverts move it. */
  async function send(text: string): Promise<Hex[]> {
    const body = stringToHex(text)
    const account = a.wallet.account!
    const fee = await a.client.readContract({
      address: a.endpoint,
      abi: endpointAbi,
      functionName: 'quote',
      args: [b.domain, BigInt((body.length - 2) / 2), 100_000, 0],
    })
    const hash = await a.wallet.writeContract({
      address: a.apps[0],
      abi: testRecipientAbi,
      functionName: 'sendVia',
      args: [a.endpoint, b.domain, toB32(b.apps[0]), body, 100_000, 0, 0n],
      value: fee,
      nonce: await a.client.getTransactionCount({ address: account.address }),
      account,
      chain: a.wallet.chain,
    })
    const receipt = await a.client.waitForTransactionReceipt({ hash })
    return parseEventLogs({ abi: endpointAbi, eventName: 'MessageSent', logs: receipt.logs }).map(
      (log) => log.args.id,
    )
  }
  const validatorOf = (i: number, finality: Parameters<typeof createValidator>[0]['finality']) =>
    createValidator({
      chain: evmReader(a, [proxy.url]),
      store,
      privateKey: validatorKey(a.domain, i),
      finality,
      logger: testLogger,
    })
  const passAll = async (validator: Awaited<ReturnType<typeof validatorOf>>) => {
    while ((await validator.pass()) === 'again');
  }

  it('signs nothing above the finalized block; a reorg of unsafe blocks leaves nothing signed', async () => {
    finalized = await a.client.getBlockNumber()
    const tagged = await validatorOf(0, { tag: 'finalized' })
    // The same chain under `confirmations: 1`: it does sign, so the tag is what holds back.
    const counted = await validatorOf(1, { confirmations: 1 })

    const snapshot = await a.client.request({ method: 'evm_snapshot' } as never)
    const reverted = [...(await send('unsafe 1')), ...(await send('unsafe 2'))]
    await mine(a, 10)
    await passAll(tagged)
    await passAll(counted)
    expect(tagged.finalCount).toBe(0)
    expect(await tagged.getLatest()).toBeUndefined()
    expect((await counted.getLatest())?.index).toBe(1)
    expect((await counted.getLatest())?.root).toBe(new MerkleTree(reverted).root())

    // The unsafe blocks are reorged away; another message is mined on the new branch.
    expect(await a.client.request({ method: 'evm_revert', params: [snapshot] } as never)).toBe(true)
    const kept: Hex[] = await send('final')
    await mine(a, 2)
    await passAll(tagged)
    expect(await tagged.getLatest()).toBeUndefined()

    // Finality reaches the new branch's message: the validator signs it, and only it.
    finalized = await a.client.getBlockNumber()
    await passAll(tagged)
    const latest = await tagged.getLatest()
    expect(latest?.index).toBe(0)
    expect(latest?.root).toBe(new MerkleTree(kept).root())
  })
})
