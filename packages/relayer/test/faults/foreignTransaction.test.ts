// A foreign transaction from the relayer's own key: the same key used elsewhere sends a
// plain transfer at the worst moment, found with the fault proxy's hook on the relayer's
// `eth_sendRawTransaction`: just before the relayer's transaction reaches the node (its nonce is
// then "too low"), or just after, replacing it in the mempool at higher fees. Either way the
// relayer resyncs its nonce from the chain and every message is still executed exactly once.

import { type RpcFaultProxy, type RpcFaultRequest, startRpcFaultProxy } from '@ferry/testkit'
import {
  type Address,
  createWalletClient,
  type Hex,
  http,
  isHex,
  keccak256,
  parseTransaction,
  TransactionReceiptNotFoundError,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/openStore.ts'
import type { RelayerStore } from '../../src/store/types.ts'
import { type Agents, startAgents, waitFor } from '../world/agents.ts'
import { type EvmChain, type EvmWorld, RELAYER_KEYS, startEvmWorld } from '../world/evmWorld.ts'
import {
  allDone,
  deliveries,
  expectDeliveredOnce,
  handledCounts,
  type Sent,
  send,
} from '../world/exactlyOnce.ts'
import { FAULT_RELAYER, faultChain, mine, setMining, sleep } from './setup.ts'

const CONFIRMATIONS = 2
const relayerAccount = privateKeyToAccount(RELAYER_KEYS[0] as Hex)
/** Where the foreign transfers go. */
const SINK: Address = '0x000000000000000000000000000000000000f0f0'

describe('a foreign transaction from the relayer key', () => {
  let world: EvmWorld
  let a: EvmChain
  let b: EvmChain
  let store: RelayerStore
  let validatorStore: RelayerStore
  const proxies = new Map<EvmChain, RpcFaultProxy>()
  let agents: Agents | undefined

  beforeAll(async () => {
    world = await startEvmWorld({ intervalMs: 100 })
    ;[a, b] = world.chains as [EvmChain, EvmChain]
    store = await openStore('memory://')
    validatorStore = await openStore('memory://')
    for (const chain of [a, b])
      proxies.set(chain, await startRpcFaultProxy({ target: chain.rpcUrl }))
  })

  afterAll(async () => {
    await agents?.stop()
    for (const proxy of proxies.values()) await proxy.close()
    await store?.close()
    await validatorStore?.close()
    await world?.stop()
  })

  const proxyOf = (chain: EvmChain) => proxies.get(chain) as RpcFaultProxy // CAST: set above

  /** The relayer on `[proxy]` only (its sends pass the hook); validators on the nodes. */
  async function start(stuckAfterMs?: number): Promise<Agents> {
    return await startAgents({
      ...FAULT_RELAYER,
      chains: [a, b].map((chain) =>
        faultChain(chain, {
          confirmations: CONFIRMATIONS,
          relayer: {
            rpcUrls: [proxyOf(chain).url],
            ...(stuckAfterMs !== undefined && { gas: { stuckAfterMs } }),
          },
        }),
      ),
      store,
      validatorStore,
    })
  }

  /** A transfer of 1 wei from the relayer's key on `chain`, sent around the relayer. */
  async function foreignTransfer(
    chain: EvmChain,
    fees: { nonce: number; maxFeePerGas?: bigint; maxPriorityFeePerGas?: bigint },
  ): Promise<Hex> {
    const wallet = createWalletClient({
      chain: chain.wallet.chain,
      transport: http(chain.rpcUrl),
      account: relayerAccount,
    })
    return await wallet.sendTransaction({
      to: SINK,
      value: 1n,
      gas: 21_000n,
      ...fees,
      account: relayerAccount,
      chain: chain.wallet.chain,
    })
  }

  /** The relayer's transaction in a hooked `eth_sendRawTransaction`, if it is one. */
  function relayerTransaction(request: RpcFaultRequest) {
    if (request.method !== 'eth_sendRawTransaction' || !Array.isArray(request.params))
      return undefined
    const raw: unknown = request.params[0]
    if (typeof raw !== 'string' || !isHex(raw)) return undefined
    const { nonce = 0, maxFeePerGas = 0n, maxPriorityFeePerGas = 0n } = parseTransaction(raw)
    return { hash: keccak256(raw), nonce, maxFeePerGas, maxPriorityFeePerGas }
  }

  it('resyncs when a transfer takes the nonce just before its transaction reaches the node', async () => {
    agents = await start()
    const before = await handledCounts([a, b])
    const sent: Sent[] = []
    const foreign: { chain: EvmChain; hash: Hex; nonce: number; taken: number }[] = []
    // The next `armed.get(chain)` relayer sends on each chain lose their nonce to a transfer.
    const armed = new Map<EvmChain, number>()
    for (const chain of [a, b])
      proxyOf(chain).setHook(async (request) => {
        const tx = relayerTransaction(request)
        const left = armed.get(chain) ?? 0
        if (!tx || left <= 0) return
        armed.set(chain, left - 1)
        const nonce = await chain.client.getTransactionCount({
          address: relayerAccount.address,
          blockTag: 'pending',
        })
        foreign.push({
          chain,
          nonce,
          taken: tx.nonce,
          hash: await foreignTransfer(chain, { nonce }),
        })
      })
    try {
      // One channel to B, so one delivery at a time: it loses its nonce twice in a row and is
      // signed a third time (the adapter's limit).
      armed.set(b, 2)
      const ids = await send(sent, a, b, 0, 3)
      await waitFor('first wave delivered', () => allDone(store, ids), 20_000)
      expect(armed.get(b)).toBe(0)
      // Then once on each chain, with deliveries both ways in flight.
      armed.set(a, 1)
      armed.set(b, 1)
      const more = [
        ...(await send(sent, b, a, 0, 3)),
        ...(await send(sent, a, b, 1, 3)),
        ...(await send(sent, b, a, 1, 3)),
      ]
      await waitFor('second wave delivered', () => allDone(store, more), 20_000)
      expect([armed.get(a), armed.get(b)]).toEqual([0, 0])
    } finally {
      for (const chain of [a, b]) proxyOf(chain).setHook(undefined)
      await agents.stop()
      agents = undefined
    }

    expect(foreign).toHaveLength(4)
    for (const { chain, hash, nonce, taken } of foreign) {
      // The transfer used the very nonce the relayer's transaction was signed with.
      expect(nonce).toBe(taken)
      const receipt = await chain.client.getTransactionReceipt({ hash })
      expect(receipt.status).toBe('success')
      expect((await chain.client.getTransaction({ hash })).nonce).toBe(nonce)
    }
    const attempts = await expectDeliveredOnce(store, sent, before)
    // The resync happens inside one submit: no message saw a failed attempt.
    for (const log of attempts.values())
      expect(log.map((attempt) => attempt.reason)).not.toContain('rpc_error')
    // And no transaction of the relayer's was wasted: each nonce is a delivery or a transfer.
    for (const chain of [a, b]) {
      const deliveredBy = new Set(
        [...(await deliveries(chain)).values()].flat().map((log) => log.transactionHash),
      )
      const transfers = foreign.filter((f) => f.chain === chain).length
      expect(await chain.client.getTransactionCount({ address: relayerAccount.address })).toBe(
        deliveredBy.size + transfers,
      )
    }
  })

  it('resyncs when a transfer replaces its transaction in the mempool', async () => {
    // B mines only on demand while the transfer replaces the delivery in its mempool.
    await setMining(b, { automine: false, intervalMs: 0 })
    agents = await start(1_000)
    const before = await handledCounts([b])
    const sent: Sent[] = []
    let replaced: { delivery: Hex; transfer: Hex; nonce: number } | undefined
    let replacing: Promise<void> | undefined
    proxyOf(b).setHook((request) => {
      const tx = relayerTransaction(request)
      if (!tx || replacing) return
      // After the delivery is in the mempool: the same nonce, twice the fees, then a block.
      replacing = (async () => {
        await sleep(200)
        const transfer = await foreignTransfer(b, {
          nonce: tx.nonce,
          maxFeePerGas: tx.maxFeePerGas * 2n,
          maxPriorityFeePerGas: tx.maxPriorityFeePerGas * 2n,
        })
        await mine(b)
        replaced = { delivery: tx.hash, transfer, nonce: tx.nonce }
        await setMining(b, { automine: true, intervalMs: 100 })
      })()
    })
    try {
      const ids = await send(sent, a, b, 0, 4)
      await waitFor('a delivery replaced', async () => replaced !== undefined, 20_000)
      await waitFor('delivered after the resync', () => allDone(store, ids), 20_000)
    } finally {
      proxyOf(b).setHook(undefined)
      await replacing
      await setMining(b, { automine: true, intervalMs: 100 })
      await agents.stop()
      agents = undefined
    }
    if (!replaced) throw new Error('no delivery was replaced')

    // The transfer took the nonce; the delivery it replaced was never mined.
    expect((await b.client.getTransaction({ hash: replaced.transfer })).nonce).toBe(replaced.nonce)
    expect((await b.client.getTransactionReceipt({ hash: replaced.transfer })).status).toBe(
      'success',
    )
    await expect(
      b.client.getTransactionReceipt({ hash: replaced.delivery }),
    ).rejects.toBeInstanceOf(TransactionReceiptNotFoundError)
    const attempts = await expectDeliveredOnce(store, sent, before)
    for (const log of attempts.values())
      expect(log.map((attempt) => attempt.reason)).not.toContain('rpc_error')
  })
})
