// The relayer end to end over two real `hardhat node`s: validators sign, the relayer indexes,
// proves and delivers both ways across several channels, each message exactly once and in order.
import { testRecipientAbi } from '@ferry/evm-contracts'
import { MessageStatus } from '@ferry/sdk/codec'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/openStore.ts'
import type { RelayerStore } from '../../src/store/types.ts'
import {
  type RunningRelayer,
  type RunningValidators,
  startRelayer,
  startValidators,
  waitFor,
} from '../world/agents.ts'
import { evmAdapter } from '../world/evmAdapters.ts'
import {
  type EvmWorld,
  RELAYER_KEYS,
  sendMessages,
  startEvmWorld,
  THRESHOLD,
  toB32,
  validatorKeys,
} from '../world/evmWorld.ts'

const CONFIRMATIONS = 2

describe('EVM ↔ EVM over hardhat nodes', () => {
  let world: EvmWorld
  let store: RelayerStore
  let validatorStore: RelayerStore
  let validators: RunningValidators
  let relayer: RunningRelayer

  beforeAll(async () => {
    world = await startEvmWorld({ intervalMs: 100 })
    store = await openStore('memory://')
    validatorStore = await openStore('memory://')
    validators = await startValidators(
      validatorStore,
      world.chains.map((chain) => ({
        chain: evmAdapter(chain, validatorStore),
        keys: validatorKeys(chain.domain),
        confirmations: CONFIRMATIONS,
      })),
      50,
    )
    relayer = startRelayer({
      store,
      chains: world.chains.map((chain) => ({
        adapter: evmAdapter(chain, store, RELAYER_KEYS[0]),
        confirmations: CONFIRMATIONS,
        pollIntervalMs: 50,
      })),
      validators: new Map(
        world.chains.map((chain) => [
          chain.domain,
          { urls: validators.urls.get(chain.domain) ?? [], threshold: THRESHOLD },
        ]),
      ),
    })
  })

  afterAll(async () => {
    await relayer?.stop()
    await validators?.stop()
    await store?.close()
    await validatorStore?.close()
    await world?.stop()
  })

  it('delivers messages both ways across three channels, each once and in order', async () => {
    const [a, b] = world.chains as [(typeof world.chains)[0], (typeof world.chains)[0]]
    const perChannel = 10
    const sent = await Promise.all([
      ...([0, 1, 2] as const).map((i) =>
        sendMessages(a, perChannel, {
          app: a.apps[i],
          destination: b.domain,
          recipient: toB32(b.apps[i]),
        }),
      ),
      ...([0, 1, 2] as const).map((i) =>
        sendMessages(b, perChannel, {
          app: b.apps[i],
          destination: a.domain,
          recipient: toB32(a.apps[i]),
        }),
      ),
    ])
    const ids = sent.flat()
    await waitFor(
      'every message delivered',
      async () => (await store.countByStage()).done === ids.length,
      90_000,
    )

    for (const id of ids) {
      const message = await store.getMessage(id)
      expect(message?.status).toBe(MessageStatus.Executed)
      const attempts = await store.getAttempts(id)
      expect(attempts.filter((attempt) => attempt.reason === 'delivered')).toHaveLength(1)
    }
    for (const chain of [a, b]) {
      for (const app of chain.apps) {
        const handled = await chain.client.readContract({
          address: app,
          abi: testRecipientAbi,
          functionName: 'handled',
        })
        expect(handled).toBe(BigInt(perChannel))
      }
    }
  })
})
