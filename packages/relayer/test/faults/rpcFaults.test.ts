// RPC faults: the validators and the relayer reach both chains through a fault proxy
// that fails, stalls or drops requests, switched on and off while messages flow. With the node's
// own URL behind the proxy the faults cost a failover and nothing else; through the proxy alone,
// sends that fail are recorded as `rpc_error` and tried again. Either way every message is
// executed exactly once.

import { type RpcFaultProxy, startRpcFaultProxy } from '@ferry/testkit'
import type { Hex } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/openStore.ts'
import type { RelayerStore } from '../../src/store/types.ts'
import { startAgents, waitFor } from '../world/agents.ts'
import { type EvmChain, type EvmWorld, startEvmWorld } from '../world/evmWorld.ts'
import {
  allDone,
  expectDeliveredOnce,
  handledCounts,
  type Sent,
  send,
} from '../world/exactlyOnce.ts'
import { FAULT_RELAYER, faultChain, sleep } from './setup.ts'

const CONFIRMATIONS = 2

describe('RPC faults between the agents and both chains', () => {
  let world: EvmWorld
  let a: EvmChain
  let b: EvmChain
  const proxies = new Map<EvmChain, RpcFaultProxy>()
  // One relayer store and one validator store for the whole file: agents restart on them.
  let store: RelayerStore
  let validatorStore: RelayerStore

  beforeAll(async () => {
    // One after the other: PGlite's start-up competes with the nodes' for the CPU.
    world = await startEvmWorld({ intervalMs: 100 })
    store = await openStore('memory://')
    validatorStore = await openStore('memory://')
    ;[a, b] = world.chains as [EvmChain, EvmChain]
    for (const chain of [a, b])
      proxies.set(chain, await startRpcFaultProxy({ target: chain.rpcUrl }))
  })

  afterAll(async () => {
    await store?.close()
    await validatorStore?.close()
    for (const proxy of proxies.values()) await proxy.close()
    await world?.stop()
  })

  const proxyOf = (chain: EvmChain) => proxies.get(chain) as RpcFaultProxy // CAST: set above
  const setModes = (mode: Parameters<RpcFaultProxy['setMode']>[0]) => {
    for (const proxy of proxies.values()) proxy.setMode(mode)
  }
  const faulted = (method?: string) =>
    [...proxies.values()].reduce(
      (sum, proxy) =>
        sum +
        [...proxy.faulted].reduce(
          (n, [name, count]) => (method === undefined || name === method ? n + count : n),
          0,
        ),
      0,
    )

  /** Two messages on each of four channels (two each way); the chains' sends run together. */
  async function wave(sent: Sent[]): Promise<Hex[]> {
    // One chain's channels one after the other: the deployer's nonces must not race.
    const from = async (origin: EvmChain, to: EvmChain) => [
      ...(await send(sent, origin, to, 0, 2)),
      ...(await send(sent, origin, to, 1, 2)),
    ]
    return (await Promise.all([from(a, b), from(b, a)])).flat()
  }

  it('with the node URL behind the proxy, fail, stall and drop cost a failover; each message is executed once', async () => {
    const before = await handledCounts([a, b])
    const sent: Sent[] = []
    for (const mode of ['fail', 'stall', 'drop'] as const) {
      // Fresh agents per mode: a failover sticks to the URL that answered, so each mode gets
      // agents that still prefer the proxy.
      const agents = await startAgents({
        ...FAULT_RELAYER,
        chains: [a, b].map((chain) =>
          faultChain(chain, {
            confirmations: CONFIRMATIONS,
            rpcUrls: [proxyOf(chain).url, chain.rpcUrl],
          }),
        ),
        store,
        validatorStore,
      })
      try {
        const faultedBefore = faulted()
        const ids = await wave(sent)
        // The fault starts while the first wave is on its way, and ends during the second.
        setModes(mode)
        ids.push(...(await wave(sent)))
        setModes('pass')
        ids.push(...(await wave(sent)))
        await waitFor(`waves around the ${mode} delivered`, () => allDone(store, ids), 20_000)
        expect(faulted(), `requests ${mode}ed`).toBeGreaterThan(faultedBefore)
      } finally {
        setModes('pass')
        await agents.stop()
      }
    }
    const attempts = await expectDeliveredOnce(store, sent, before)
    // A URL that answered was always there: no attempt failed on RPC.
    const reasons = [...attempts.values()].flat().map((attempt) => attempt.reason)
    expect(reasons).not.toContain('rpc_error')
  })

  it('through the proxy alone, failed sends are recorded as rpc_error and tried again; each message is executed once', async () => {
    const before = await handledCounts([a, b])
    const sent: Sent[] = []
    const agents = await startAgents({
      ...FAULT_RELAYER,
      chains: [a, b].map((chain) =>
        faultChain(chain, { confirmations: CONFIRMATIONS, rpcUrls: [proxyOf(chain).url] }),
      ),
      store,
      validatorStore,
    })
    const rpcErrors = async (ids: readonly Hex[]) => {
      let count = 0
      for (const id of ids)
        for (const attempt of await store.getAttempts(id))
          if (attempt.reason === 'rpc_error') count++
      return count
    }
    try {
      const first = await wave(sent)
      await waitFor('first wave delivered', () => allDone(store, first), 20_000)

      // B's proxy fails the next two sends it sees: a delivery to B and the transport's own
      // retry of it (one channel, so one delivery in flight). That delivery fails outright, is
      // recorded, and is tried again.
      for (const mode of ['fail', 'drop', 'stall'] as const) {
        const faultedBefore = faulted('eth_sendRawTransaction')
        proxyOf(b).setMode({ mode, methods: ['eth_sendRawTransaction'], count: 2 })
        const ids = await send(sent, a, b, 0, 3)
        await waitFor(`deliveries after ${mode}ed sends`, () => allDone(store, ids), 20_000)
        expect(faulted('eth_sendRawTransaction')).toBe(faultedBefore + 2)
        expect(await rpcErrors(ids), `rpc_error attempts after ${mode}ed sends`).toBeGreaterThan(0)
        setModes('pass')
      }

      // Every method faulted for a while, messages sent meanwhile: indexing, signing and
      // delivering all stop, back off, and catch up.
      for (const mode of ['fail', 'drop', 'stall'] as const) {
        setModes(mode)
        const ids = await wave(sent)
        await sleep(500)
        setModes('pass')
        await waitFor(`deliveries after everything ${mode}ed`, () => allDone(store, ids), 25_000)
      }
    } finally {
      setModes('pass')
      await agents.stop()
    }
    await expectDeliveredOnce(store, sent, before)
  })
})
