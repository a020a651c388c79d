// A gas-price spike on the destination, with B mining on an interval or on demand
// instead of per transaction. Below the relayer's cap: a delivery priced before the spike is stuck
// in the mempool, is replaced with bumped fees, and delivered. Above the cap: deliveries wait,
// their attempts saying why, and go once the base fee falls.

import { type RpcFaultProxy, startRpcFaultProxy } from '@ferry/testkit'
import { type Hex, isHex, keccak256, parseGwei, parseTransaction } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/openStore.ts'
import type { RelayerStore } from '../../src/store/types.ts'
import { type Agents, startAgents, waitFor } from '../world/agents.ts'
import { TEST_GAS } from '../world/evmAdapters.ts'
import { type EvmChain, type EvmWorld, RELAYER_KEYS, startEvmWorld } from '../world/evmWorld.ts'
import {
  allDone,
  deliveries,
  expectDeliveredOnce,
  handledCounts,
  type Sent,
  send,
} from '../world/exactlyOnce.ts'
import { FAULT_RELAYER, faultChain, mine, setMining } from './setup.ts'

const CONFIRMATIONS = 2
/** The relayer's fee cap on every chain. */
const CAP = TEST_GAS.maxFeePerGas
const BUMP_PERCENT = 15n
const RELAYER = privateKeyToAddress(RELAYER_KEYS[0] as Hex)

describe('a gas-price spike on the destination', () => {
  let world: EvmWorld
  let a: EvmChain
  let b: EvmChain
  let store: RelayerStore
  let validatorStore: RelayerStore
  let proxy: RpcFaultProxy
  let agents: Agents

  beforeAll(async () => {
    world = await startEvmWorld({ intervalMs: 100 })
    ;[a, b] = world.chains as [EvmChain, EvmChain]
    store = await openStore('memory://')
    validatorStore = await openStore('memory://')
    proxy = await startRpcFaultProxy({ target: b.rpcUrl })
    agents = await startAgents({
      ...FAULT_RELAYER,
      chains: [a, b].map((chain) =>
        faultChain(chain, {
          confirmations: CONFIRMATIONS,
          // The relayer reaches B through the proxy, whose hook sees its transactions; a stuck
          // one is replaced after a second.
          relayer: {
            privateKey: RELAYER_KEYS[0],
            gas: { stuckAfterMs: 1_000, bumpPercent: Number(BUMP_PERCENT) },
            ...(chain === b && { rpcUrls: [proxy.url] }),
          },
        }),
      ),
      store,
      validatorStore,
    })
  })

  afterAll(async () => {
    proxy?.setHook(undefined)
    await agents?.stop()
    await proxy?.close()
    await store?.close()
    await validatorStore?.close()
    await world?.stop()
  })

  const setNextBaseFee = (fee: bigint) =>
    b.client.request({
      method: 'hardhat_setNextBlockBaseFeePerGas',
      params: [`0x${fee.toString(16)}`],
    } as never)
  const baseFee = async () => (await b.client.getBlock()).baseFeePerGas ?? 0n

  it('replaces a delivery stuck behind a spike below the cap with bumped fees', async () => {
    await setMining(b, { automine: false, intervalMs: 250 })
    const spike = parseGwei('100')
    expect(spike * 2n).toBeLessThan(CAP)
    const before = await handledCounts([b])
    const sent: Sent[] = []
    // The spike lands right after the relayer priced its delivery, before the node has it.
    const signed: { hash: Hex; nonce: number; maxFeePerGas: bigint }[] = []
    proxy.setHook(async (request) => {
      const raw: unknown = Array.isArray(request.params) ? request.params[0] : undefined
      if (request.method !== 'eth_sendRawTransaction' || typeof raw !== 'string' || !isHex(raw))
        return
      const tx = parseTransaction(raw)
      if (signed.length === 0) await setNextBaseFee(spike)
      signed.push({
        hash: keccak256(raw),
        nonce: tx.nonce ?? -1,
        maxFeePerGas: tx.maxFeePerGas ?? 0n,
      })
    })
    try {
      const ids = await send(sent, a, b, 0, 3)
      await waitFor('delivered after the spike', () => allDone(store, ids), 20_000)
    } finally {
      proxy.setHook(undefined)
      await setMining(b, { automine: true, intervalMs: 100 })
    }

    const [original] = signed
    if (!original) throw new Error('nothing was sent')
    expect(original.maxFeePerGas).toBeLessThan(spike)
    // It never made it into a block; a replacement on its nonce did, with bumped fees.
    await expect(b.client.getTransactionReceipt({ hash: original.hash })).rejects.toThrow()
    const byId = await deliveries(b)
    const delivering = await Promise.all(
      [...new Set(sent.map(({ id }) => byId.get(id)?.[0]?.transactionHash))].map((hash) =>
        b.client.getTransaction({ hash: hash ?? '0x' }),
      ),
    )
    const replacement = delivering.find((tx) => tx.nonce === original.nonce)
    if (!replacement) throw new Error(`no delivery on nonce ${original.nonce}`)
    expect(replacement.hash).not.toBe(original.hash)
    expect(signed.map((s) => s.hash)).toContain(replacement.hash)
    const fee = replacement.maxFeePerGas ?? 0n
    expect(fee).toBeGreaterThanOrEqual((original.maxFeePerGas * (100n + BUMP_PERCENT)) / 100n)
    expect(fee).toBeGreaterThan(spike)
    expect(fee).toBeLessThanOrEqual(CAP)
    const attempts = await expectDeliveredOnce(store, sent, before)
    // The replacement happened inside one attempt: nothing failed.
    for (const log of attempts.values())
      expect(log.map((attempt) => attempt.reason)).not.toContain('rpc_error')
  })

  it('holds deliveries while the base fee is above the cap, and delivers once it falls', async () => {
    // B mines only on demand: its base fee stays where the test puts it.
    await setMining(b, { automine: false, intervalMs: 0 })
    await setNextBaseFee(CAP * 3n)
    await mine(b)
    expect(await baseFee()).toBe(CAP * 3n)
    const before = await handledCounts([b])
    const sent: Sent[] = []
    const ids = await send(sent, a, b, 1, 3)
    const capAttempts = async (id: Hex) =>
      (await store.getAttempts(id)).filter((attempt) => attempt.reason === 'gas_price_above_cap')
    try {
      // Each of them waits, says why, and has been tried again: none is signed or sent.
      await waitFor(
        'messages held by the cap',
        async () => {
          for (const id of ids) {
            const message = await store.getMessage(id)
            if (message?.stage !== 'ready' || message.reason !== 'gas_price_above_cap') return false
            if ((await capAttempts(id)).length < 2) return false
          }
          return true
        },
        20_000,
      )
      for (const id of ids) expect((await capAttempts(id))[0]?.detail).toContain('above the cap')
      const delivered = await deliveries(b)
      for (const id of ids) expect(delivered.get(id)).toBeUndefined()
      expect(await b.client.getTransactionCount({ address: RELAYER, blockTag: 'pending' })).toBe(
        await b.client.getTransactionCount({ address: RELAYER }),
      )
      // The base fee falls back below the cap.
      await setNextBaseFee(parseGwei('1'))
      await mine(b)
    } finally {
      await setMining(b, { automine: true, intervalMs: 100 })
    }
    await waitFor('delivered once the base fee fell', () => allDone(store, ids), 20_000)

    const attempts = await expectDeliveredOnce(store, sent, before)
    for (const id of ids) {
      const reasons = (attempts.get(id) ?? []).map((attempt) => attempt.reason)
      // Held by the cap (and nothing else failed), then delivered.
      expect(reasons).not.toContain('rpc_error')
      expect(reasons.lastIndexOf('gas_price_above_cap')).toBeLessThan(reasons.indexOf('delivered'))
    }
    const byId = await deliveries(b)
    for (const { id } of sent) {
      const hash = byId.get(id)?.[0]?.transactionHash
      if (!hash) throw new Error(`${id} not delivered`)
      const delivery = await b.client.getTransaction({ hash })
      expect(delivery.maxFeePerGas ?? 0n).toBeLessThanOrEqual(CAP)
    }
  })
})
