// Validators and a relayer, in this test process, over chain adapters: what `ferry validator
// start` and `ferry relayer start` run, minus the process. Each validator serves its HTTP API on
// a free 127.0.0.1 port.

import pino, { type Logger } from 'pino'
import type { Hex } from 'viem'
import type { ChainAdapter } from '../../src/chains/types.ts'
import type { RelayerPolicy } from '../../src/core/relayer/policy.ts'
import { runRelayer } from '../../src/core/relayer/runRelayer.ts'
import { createValidator, type Validator } from '../../src/core/validator/createValidator.ts'
import { createValidatorApp } from '../../src/core/validator/createValidatorApp.ts'
import { runValidator } from '../../src/core/validator/runValidator.ts'
import { type Listening, listen } from '../../src/service/listen.ts'
import type { RelayerStore } from '../../src/store/types.ts'

/** Test logs: silent unless FERRY_TEST_LOG names a level. */
export const testLogger: Logger = pino({ level: process.env.FERRY_TEST_LOG ?? 'silent' })

export type RunningValidators = {
  validators: Validator[]
  /** Validator URLs per origin domain. */
  urls: Map<number, string[]>
  stop(): Promise<void>
}

/**
 * Starts one validator per key for each origin, all on `store`, polling every `pollIntervalMs`.
 *
 * @example
 * const validators = await startValidators(store, [{ chain, keys, confirmations: 1 }], 100)
 */
export async function startValidators(
  store: RelayerStore,
  origins: readonly { chain: ChainAdapter; keys: readonly Hex[]; confirmations: number }[],
  pollIntervalMs: number,
): Promise<RunningValidators> {
  const controller = new AbortController()
  const servers: Listening[] = []
  const loops: Promise<void>[] = []
  const validators: Validator[] = []
  const urls = new Map<number, string[]>()
  for (const { chain, keys, confirmations } of origins) {
    for (const privateKey of keys) {
      const validator = await createValidator({
        chain,
        store,
        privateKey,
        confirmations,
        logger: testLogger,
      })
      const server = await listen(createValidatorApp(validator), { host: '127.0.0.1', port: 0 })
      servers.push(server)
      validators.push(validator)
      urls.set(chain.domain, [...(urls.get(chain.domain) ?? []), server.url])
      loops.push(
        runValidator({ validator, pollIntervalMs, signal: controller.signal, logger: testLogger }),
      )
    }
  }
  return {
    validators,
    urls,
    async stop() {
      controller.abort()
      await Promise.all(loops)
      await Promise.all(servers.map((server) => server.close()))
    },
  }
}

export const TEST_POLICY: RelayerPolicy = {
  batchSize: 100,
  maxBatchGas: 12_000_000n,
  leaseMs: 30_000,
  retry: { initialDelayMs: 500, maxDelayMs: 2_000, factor: 2 },
  minimumFee: new Map(),
  maxInFlight: 2,
}

export type RunningRelayer = { done: Promise<void>; stop(): Promise<void> }

/**
 * Runs the relayer over `chains` until `stop()`.
 *
 * @example
 * const relayer = startRelayer({ store, chains, validators: new Map([[31337, { urls, threshold: 2 }]]) })
 */
export function startRelayer(params: {
  store: RelayerStore
  chains: readonly { adapter: ChainAdapter; confirmations: number; pollIntervalMs: number }[]
  validators: ReadonlyMap<number, { urls: readonly string[]; threshold: number }>
  policy?: RelayerPolicy
  owner?: string
  routes?: readonly (readonly [number, number])[]
}): RunningRelayer {
  const controller = new AbortController()
  const done = runRelayer({
    chains: params.chains,
    store: params.store,
    validators: params.validators,
    routes: params.routes,
    owner: params.owner ?? 'relayer-test',
    policy: params.policy ?? TEST_POLICY,
    logger: testLogger,
    signal: controller.signal,
  })
  return {
    done,
    async stop() {
      controller.abort()
      await done
    },
  }
}

/**
 * Polls `check` every 100 ms until it returns true, or fails after `timeoutMs` with `what`.
 *
 * @example
 * await waitFor('all delivered', async () => (await store.countByStage()).done === 10)
 */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`)
}
