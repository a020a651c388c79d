// Crash safety with a real relayer process: `ferry relayer start` on a file-backed
// PGlite store, against two `hardhat node`s and in-process validators, killed with SIGKILL at a
// failpoint (`FERRY_FAILPOINT`, see src/core/failpoint.ts): after the checkpoint signatures are
// gathered, after a delivery was broadcast but before its outcome was written, and after the
// outcome was written. Restarted without the failpoint, it must finish the work with every
// message executed exactly once on chain and recorded once in the store. And SIGTERM stops it
// cleanly, after the delivery it has in flight is mined and recorded.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MessageStatus } from '@ferry/protocol'
import type { Address, Hex } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { openStore } from '../../src/store/openStore.ts'
import type { RelayerStore } from '../../src/store/types.ts'
import { type RunningValidators, startAgentValidators, waitFor } from '../world/agents.ts'
import { evmAgentChain } from '../world/evmAdapters.ts'
import {
  type EvmChain,
  type EvmWorld,
  RELAYER_KEYS,
  readApp,
  startEvmWorld,
  THRESHOLD,
} from '../world/evmWorld.ts'
import { deliveries, type Sent, send } from '../world/exactlyOnce.ts'
import { exitOf, type Failpoint, type RelayerProcess, spawnRelayer } from './relayerProcess.ts'
import { setMining, sleep } from './setup.ts'

const CONFIRMATIONS = 2
// CAST: RELAYER_KEYS has two keys.
const RELAYER_KEY = RELAYER_KEYS[0] as Hex
const RELAYER = privateKeyToAddress(RELAYER_KEY)
/** Messages per channel per round; a round uses all six channels (three each way). */
const PER_CHANNEL = 3

describe('the relayer process killed at each failpoint, then restarted', () => {
  let world: EvmWorld
  let a: EvmChain
  let b: EvmChain
  let validatorStore: RelayerStore
  let validators: RunningValidators
  let dir: string
  let configPath: string
  let storeUrl: string
  /** Every message sent in this file, and the recipient that must handle it. */
  const sent: Sent[] = []
  const running = new Set<RelayerProcess>()

  beforeAll(async () => {
    world = await startEvmWorld({ intervalMs: 100 })
    ;[a, b] = world.chains as [EvmChain, EvmChain]
    validatorStore = await openStore('memory://')
    validators = await startAgentValidators(
      validatorStore,
      world.chains.map((chain) => evmAgentChain(chain, CONFIRMATIONS)),
    )
    dir = await mkdtemp(join(tmpdir(), 'ferry-crash-'))
    storeUrl = `file:${join(dir, 'store')}`
    configPath = join(dir, 'ferry.yaml')
    const name = (chain: EvmChain) => `hardhat-${chain.domain}`
    await writeFile(
      configPath,
      stringify({
        log: { level: 'info' },
        store: { url: storeUrl },
        chains: world.chains.map((chain) => ({
          name: name(chain),
          kind: 'evm',
          domain: chain.domain,
          rpcUrls: [chain.rpcUrl],
          endpoint: chain.endpoint,
          confirmations: CONFIRMATIONS,
          pollIntervalMs: 50,
          signer: { env: 'FERRY_RELAYER_KEY' },
        })),
        validators: world.chains.map((chain) => ({
          origin: name(chain),
          threshold: THRESHOLD,
          urls: validators.urls.get(chain.domain),
          timeoutMs: 2_000,
        })),
        // Small batches, two in flight per route: a crash finds work done, in flight and waiting.
        relayer: { id: 'relayer-crash', batchSize: 4, maxInFlight: 2, shutdownGraceMs: 20_000 },
      }),
    )
  })

  // A test that failed with its relayer running must not leave the store locked for the next.
  afterEach(async () => {
    for (const relayer of running) {
      relayer.child.kill('SIGKILL')
      await relayer.exited
    }
  })

  afterAll(async () => {
    await validators?.stop()
    await validatorStore?.close()
    await world?.stop()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  function startRelayer(failpoint?: Failpoint): RelayerProcess {
    const relayer = spawnRelayer({ configPath, privateKey: RELAYER_KEY, failpoint })
    running.add(relayer)
    relayer.child.once('exit', () => running.delete(relayer))
    return relayer
  }

  /** Sends `PER_CHANNEL` messages on each of six channels: apps[i] → apps[i], both ways. */
  async function sendRound(): Promise<void> {
    // One chain's sends one channel after another: the deployer's nonces must not race.
    const from = async (origin: EvmChain, to: EvmChain) => {
      for (const i of [0, 1, 2] as const) await send(sent, origin, to, i, PER_CHANNEL)
    }
    await Promise.all([from(a, b), from(b, a)])
  }

  /** How many messages of `sent` went to `app` on `chain`. */
  const sentTo = (chain: EvmChain, app: Address) =>
    BigInt(sent.filter((m) => m.destination === chain && m.recipient === app).length)

  /** Whether every recipient has handled every message sent to it (and none more). */
  async function allHandled(): Promise<boolean> {
    for (const chain of [a, b])
      for (const app of chain.apps)
        if ((await readApp(chain, app, 'handled')) !== sentTo(chain, app)) return false
    return true
  }

  /**
   * What must hold once the relayer has stopped: each message sent so far executed exactly once
   * on chain (its recipient's count, one `MessageDelivered`), every relayer transaction a delivery
   * (none wasted on a double), and the store saying `done`, Executed, by that transaction, after
   * exactly one delivery outcome. Returns, per message id, the transaction that delivered it.
   */
  async function expectEachDeliveredOnce(): Promise<Map<Hex, Hex>> {
    for (const chain of [a, b])
      for (const app of chain.apps)
        expect(await readApp(chain, app, 'handled')).toBe(sentTo(chain, app))
    const deliveredBy = new Map<Hex, Hex>()
    for (const chain of [a, b]) {
      const byId = await deliveries(chain)
      for (const { id } of sent.filter((m) => m.destination === chain)) {
        const logs = byId.get(id) ?? []
        expect(logs, `MessageDelivered of ${id}`).toHaveLength(1)
        expect(logs[0]?.status).toBe(MessageStatus.Executed)
        if (logs[0]) deliveredBy.set(id, logs[0].transactionHash)
      }
      // Only this relayer delivers here, and only deliverBatch: each of its transactions carried
      // deliveries, so none was a second try of work already done.
      const transactions = new Set([...byId.values()].flat().map((log) => log.transactionHash))
      expect(await chain.client.getTransactionCount({ address: RELAYER })).toBe(transactions.size)
    }

    const store = await openStore(storeUrl)
    try {
      expect(await store.getMessagesInStage('submitted', 1_000)).toEqual([])
      for (const { id } of sent) {
        const message = await store.getMessage(id)
        expect(message, `stored ${id}`).toMatchObject({
          stage: 'done',
          status: MessageStatus.Executed,
          reason: 'delivered',
          attempts: 1,
          transactionHash: deliveredBy.get(id),
        })
        const outcomes = (await store.getAttempts(id)).filter((attempt) =>
          ['delivered', 'delivered_by_other', 'retried', 'timed_out'].includes(attempt.reason),
        )
        expect(outcomes, `outcomes of ${id}`).toEqual([
          expect.objectContaining({ reason: 'delivered', transactionHash: deliveredBy.get(id) }),
        ])
      }
    } finally {
      await store.close()
    }
    return deliveredBy
  }

  /** Starts the relayer without a failpoint, waits for every message, stops it with SIGTERM. */
  async function restartUntilDone(): Promise<RelayerProcess> {
    const relayer = startRelayer()
    try {
      // Recovery runs before this line; and SIGTERM before the CLI listens for it would kill it.
      await waitFor('relayer started', async () => relayer.hasLog('relayer started'), 20_000)
      await waitFor('every message handled once', allHandled, 30_000)
    } catch (error) {
      relayer.child.kill('SIGKILL')
      await relayer.exited
      throw new Error(`${error}\nrelayer stdout (tail):\n${relayer.stdout().slice(-4_000)}`)
    }
    relayer.child.kill('SIGTERM')
    expect(await exitOf(relayer, 25_000)).toEqual({ code: 0, signal: null })
    return relayer
  }

  /** Starts the relayer with `failpoint`, sends a round, and expects it to die there. */
  async function crashAt(failpoint: Failpoint): Promise<RelayerProcess> {
    const relayer = startRelayer(failpoint)
    await sendRound()
    expect(await exitOf(relayer, 30_000)).toEqual({ code: null, signal: 'SIGKILL' })
    expect(relayer.stderr()).toContain(`ferry: failpoint ${failpoint.split(':')[0]} hit`)
    return relayer
  }

  it('SIGTERM: exits 0 once the delivery in flight is mined and recorded', async () => {
    const relayer = startRelayer()
    await waitFor('relayer started', async () => relayer.hasLog('relayer started'), 20_000)
    // B mines nothing for now: the relayer's delivery to B waits in B's mempool.
    await setMining(b, { automine: false, intervalMs: 0 })
    let ids: Hex[] = []
    try {
      ids = await send(sent, a, b, 0, PER_CHANNEL)
      await waitFor(
        'a delivery to B in flight',
        async () =>
          (await b.client.getTransactionCount({ address: RELAYER, blockTag: 'pending' })) >
          (await b.client.getTransactionCount({ address: RELAYER })),
        20_000,
      )
      relayer.child.kill('SIGTERM')
      await sleep(500)
      // Still waiting for its delivery's receipt.
      expect(relayer.child.exitCode).toBe(null)
      expect(relayer.hasLog('stopping the relayer')).toBe(true)
    } finally {
      await setMining(b, { automine: true, intervalMs: 100 })
    }
    expect(await exitOf(relayer, 20_000)).toEqual({ code: 0, signal: null })
    const messages = relayer.logs().map((line) => line.msg)
    const stopping = messages.indexOf('stopping the relayer')
    // The batch in flight at the signal was recorded before the process ended.
    expect(messages.slice(stopping)).toContain('delivered')
    expect(messages.at(-1)).toBe('the relayer stopped')

    const delivered = await deliveries(b)
    const store = await openStore(storeUrl)
    try {
      expect(await store.getMessagesInStage('submitted', 1_000)).toEqual([])
      let done = 0
      for (const id of ids) {
        const message = await store.getMessage(id)
        const onChain = delivered.get(id) ?? []
        if (onChain.length === 0) {
          // Not final or not claimed before the signal: it waits, and the next run delivers it.
          expect(['pending', 'ready'], `stage of ${id}`).toContain(message?.stage)
          continue
        }
        done++
        expect(onChain).toHaveLength(1)
        expect(message).toMatchObject({
          stage: 'done',
          status: MessageStatus.Executed,
          transactionHash: onChain[0]?.transactionHash,
        })
      }
      expect(done).toBeGreaterThan(0)
    } finally {
      await store.close()
    }
  })

  it('after_signatures: the batch whose signatures were gathered is delivered after the restart', async () => {
    await crashAt('after_signatures:2')
    await restartUntilDone()
    await expectEachDeliveredOnce()
  })

  it('after_broadcast: the transaction mined while down is recorded from the journal, not sent again', async () => {
    const crashed = await crashAt('after_broadcast:2')
    const broadcast = new Set(
      crashed
        .logs()
        .filter((line) => line.msg === 'delivered')
        .map((line) => line.tx),
    )
    const restarted = await restartUntilDone()
    const recovered = restarted
      .logs()
      .filter((line) => line.msg === 'recorded a transaction mined while down')
    // At least the transaction broadcast just before the kill; its outcome was never written.
    expect(recovered.length).toBeGreaterThanOrEqual(1)
    const deliveredBy = await expectEachDeliveredOnce()
    for (const line of recovered) {
      expect(broadcast.has(line.tx)).toBe(false)
      // Its messages' outcomes are the ones that transaction carried: one delivery each, by it.
      const carried = [...deliveredBy].filter(([, tx]) => tx === line.tx)
      expect(carried.length).toBe(line.messages)
      expect(carried.length).toBeGreaterThan(0)
    }
  })

  it('after_store_write: the outcomes written just before the kill stand; the rest follows', async () => {
    const crashed = await crashAt('after_store_write:2')
    // The first hit logged its batch; the second died between its write and its log line.
    expect(crashed.logs().filter((line) => line.msg === 'delivered')).toHaveLength(1)
    await restartUntilDone()
    await expectEachDeliveredOnce()
  })
})
