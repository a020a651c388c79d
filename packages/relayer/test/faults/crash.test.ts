// Crash safety (issue 5) with a real relayer process: `ferry relayer start` on a file-backed
// PGlite store, against two `hardhat node`s and in-process validators, killed with SIGKILL at a
// failpoint (`FERRY_FAILPOINT`, see src/core/failpoint.ts): after the checkpoint signatures are
// gathered, after a delivery was broadcast but before its outcome was written, and after the
// outcome was written. Restarted without the failpoint, it must finish the work with every
// message executed exactly once on chain and recorded once in the store. And SIGTERM stops it
// cleanly, after the delivery it has in flight is mined and recorded.
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { endpointAbi, testRecipientAbi } from '@ferry/evm-contracts'
import { MessageStatus } from '@ferry/sdk/codec'
import type { Address, Hex } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import type { FailpointName } from '../../src/core/failpoint.ts'
import { openStore } from '../../src/store/openStore.ts'
import type { RelayerStore } from '../../src/store/types.ts'
import { type RunningValidators, startValidators, waitFor } from '../world/agents.ts'
import { evmAdapter } from '../world/evmAdapters.ts'
import {
  type EvmChain,
  type EvmWorld,
  RELAYER_KEYS,
  sendMessages,
  startEvmWorld,
  THRESHOLD,
  toB32,
  validatorKeys,
} from '../world/evmWorld.ts'

const CONFIRMATIONS = 2
// CAST: RELAYER_KEYS has two keys.
const RELAYER_KEY = RELAYER_KEYS[0] as Hex
const RELAYER = privateKeyToAddress(RELAYER_KEY)
/** Messages per channel per round; a round uses all six channels (three each way). */
const PER_CHANNEL = 3

/** A directory to keep each relayer process's output in (debugging): FERRY_CRASH_LOG=/tmp/x. */
const logDir = process.env.FERRY_CRASH_LOG
const entry = fileURLToPath(new URL('../../src/cli/ferry.ts', import.meta.url))
const resolveTs = fileURLToPath(new URL('../../scripts/resolveTs.ts', import.meta.url))

type Exit = { code: number | null; signal: NodeJS.Signals | null }
type LogLine = { msg?: string; [field: string]: unknown }

/** `ferry relayer start` as a child process, its output kept. */
type RelayerProcess = {
  child: ChildProcess
  exited: Promise<Exit>
  stdout(): string
  stderr(): string
  /** stdout's JSON log lines, in order. */
  logs(): LogLine[]
}

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
  const sent: { id: Hex; chain: EvmChain; recipient: Address }[] = []
  const running = new Set<RelayerProcess>()

  beforeAll(async () => {
    world = await startEvmWorld({ intervalMs: 100 })
    ;[a, b] = world.chains as [EvmChain, EvmChain]
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

  function startRelayer(failpoint?: `${FailpointName}:${number}`): RelayerProcess {
    const child = spawn(
      process.execPath,
      ['--import', resolveTs, entry, 'relayer', 'start', '--config', configPath],
      {
        // Only PATH from the outside: no FERRY__ override of the test's own shell leaks in.
        env: {
          PATH: process.env.PATH,
          FERRY_RELAYER_KEY: RELAYER_KEY,
          ...(failpoint && { FERRY_FAILPOINT: failpoint }),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    const relayer: RelayerProcess = {
      child,
      exited: once(child, 'exit').then(async ([code, signal]) => {
        running.delete(relayer)
        if (logDir)
          await writeFile(
            join(logDir, `${Date.now()}-${failpoint ?? 'restart'}.log`),
            stdout + stderr,
          )
        // CAST: Node's 'exit' event passes (code, signal).
        return { code, signal } as Exit
      }),
      stdout: () => stdout,
      stderr: () => stderr,
      logs: () =>
        stdout.split('\n').flatMap((line) => {
          try {
            return [JSON.parse(line) as LogLine] // CAST: pino writes one JSON object a line
          } catch {
            return [] // the last line of a killed process may be cut short
          }
        }),
    }
    running.add(relayer)
    return relayer
  }

  const hasLog = (relayer: RelayerProcess, msg: string) =>
    relayer.logs().some((line) => line.msg === msg)

  /** Turns `chain`'s block production (automine and a block every 100 ms) on or off. */
  async function setMining(chain: EvmChain, on: boolean): Promise<void> {
    // CAST (both): Hardhat's own methods are not in viem's RPC schema.
    await chain.client.request({ method: 'evm_setAutomine', params: [on] } as never)
    await chain.client.request({
      method: 'evm_setIntervalMining',
      params: [on ? 100 : 0],
    } as never)
  }

  /** How `relayer` exits; fails, with its output, when it is still running after `timeoutMs`. */
  async function exitOf(relayer: RelayerProcess, timeoutMs: number): Promise<Exit> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const output = `stderr: ${relayer.stderr()}\nstdout (tail): ${relayer.stdout().slice(-3_000)}`
        reject(new Error(`the relayer did not exit within ${timeoutMs} ms\n${output}`))
      }, timeoutMs)
    })
    try {
      return await Promise.race([relayer.exited, timeout])
    } finally {
      clearTimeout(timer)
    }
  }

  /** Sends `PER_CHANNEL` messages on each of six channels: apps[i] → apps[i], both ways. */
  async function sendRound(): Promise<void> {
    // One chain's sends one channel after another: the deployer's nonces must not race.
    const from = async (origin: EvmChain, to: EvmChain) => {
      for (const i of [0, 1, 2] as const) {
        const ids = await sendMessages(origin, PER_CHANNEL, {
          app: origin.apps[i],
          destination: to.domain,
          recipient: toB32(to.apps[i]),
        })
        for (const id of ids) sent.push({ id, chain: to, recipient: to.apps[i] })
      }
    }
    await Promise.all([from(a, b), from(b, a)])
  }

  const handled = (chain: EvmChain, app: Address) =>
    chain.client.readContract({ address: app, abi: testRecipientAbi, functionName: 'handled' })

  /** Whether every recipient has handled every message sent to it (and none more). */
  async function allHandled(): Promise<boolean> {
    for (const chain of [a, b])
      for (const app of chain.apps) {
        const expected = sent.filter((m) => m.chain === chain && m.recipient === app).length
        if ((await handled(chain, app)) !== BigInt(expected)) return false
      }
    return true
  }

  /** `MessageDelivered` logs on `chain`, by message id. */
  async function deliveries(chain: EvmChain): Promise<Map<Hex, { tx: Hex; status: number }[]>> {
    const logs = await chain.client.getContractEvents({
      address: chain.endpoint,
      abi: endpointAbi,
      eventName: 'MessageDelivered',
      fromBlock: 0n,
      strict: true,
    })
    const byId = new Map<Hex, { tx: Hex; status: number }[]>()
    for (const log of logs)
      byId.set(log.args.id, [
        ...(byId.get(log.args.id) ?? []),
        { tx: log.transactionHash, status: log.args.status },
      ])
    return byId
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
        expect(await handled(chain, app)).toBe(
          BigInt(sent.filter((m) => m.chain === chain && m.recipient === app).length),
        )
    const deliveredBy = new Map<Hex, Hex>()
    for (const chain of [a, b]) {
      const byId = await deliveries(chain)
      for (const { id } of sent.filter((m) => m.chain === chain)) {
        const logs = byId.get(id) ?? []
        expect(logs, `MessageDelivered of ${id}`).toHaveLength(1)
        expect(logs[0]?.status).toBe(MessageStatus.Executed)
        if (logs[0]) deliveredBy.set(id, logs[0].tx)
      }
      // Only this relayer delivers here, and only deliverBatch: each of its transactions carried
      // deliveries, so none was a second try of work already done.
      const transactions = new Set([...byId.values()].flat().map((log) => log.tx))
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
      await waitFor('relayer started', async () => hasLog(relayer, 'relayer started'), 20_000)
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
  async function crashAt(failpoint: `${FailpointName}:${number}`): Promise<RelayerProcess> {
    const relayer = startRelayer(failpoint)
    await sendRound()
    expect(await exitOf(relayer, 30_000)).toEqual({ code: null, signal: 'SIGKILL' })
    expect(relayer.stderr()).toContain(`ferry: failpoint ${failpoint.split(':')[0]} hit`)
    return relayer
  }

  it('SIGTERM: exits 0 once the delivery in flight is mined and recorded', async () => {
    const relayer = startRelayer()
    await waitFor('relayer started', async () => hasLog(relayer, 'relayer started'), 20_000)
    // B mines nothing for now: the relayer's delivery to B waits in B's mempool.
    await setMining(b, false)
    let ids: Hex[] = []
    try {
      ids = await sendMessages(a, PER_CHANNEL, {
        app: a.apps[0],
        destination: b.domain,
        recipient: toB32(b.apps[0]),
      })
      for (const id of ids) sent.push({ id, chain: b, recipient: b.apps[0] })
      await waitFor(
        'a delivery to B in flight',
        async () =>
          (await b.client.getTransactionCount({ address: RELAYER, blockTag: 'pending' })) >
          (await b.client.getTransactionCount({ address: RELAYER })),
        20_000,
      )
      relayer.child.kill('SIGTERM')
      await new Promise((resolve) => setTimeout(resolve, 500))
      // Still waiting for its delivery's receipt.
      expect(relayer.child.exitCode).toBe(null)
      expect(hasLog(relayer, 'stopping the relayer')).toBe(true)
    } finally {
      await setMining(b, true)
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
          transactionHash: onChain[0]?.tx,
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
