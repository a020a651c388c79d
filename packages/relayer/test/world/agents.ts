// Validators and a relayer, in this test process, over chain adapters: what `ferry validator
// start` and `ferry relayer start` run, minus the process. Each validator serves its HTTP API on
// a free 127.0.0.1 port. `startAgents` wires both over a world's chains for the end-to-end and
// fault tests alike; `startValidators` and `startRelayer` are the pieces it (and the benches) use.

import type { ChainReader } from '@ferry/sdk'
import pino, { type Logger } from 'pino'
import type { Hex } from 'viem'
import type { ChainSubmitter, TransactionJournal } from '../../src/chains/types.ts'
import type { Finality } from '../../src/core/finality/getFinalBlock.ts'
import type { RelayerPolicy } from '../../src/core/relayer/policy.ts'
import {
  type RelayerChain,
  type RunRelayerParameters,
  runRelayer,
} from '../../src/core/relayer/runRelayer.ts'
import { createValidator, type Validator } from '../../src/core/validator/createValidator.ts'
import { createValidatorApp } from '../../src/core/validator/createValidatorApp.ts'
import { runValidator } from '../../src/core/validator/runValidator.ts'
import { type Listening, listen } from '../../src/service/listen.ts'
import type { RelayerStore } from '../../src/store/types.ts'
import { THRESHOLD, validatorKeys } from './evmWorld.ts'

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
 * const validators = await startValidators(store, [{ chain, keys, finality: { confirmations: 1 } }], 100)
 */
export async function startValidators(
  store: RelayerStore,
  origins: readonly { chain: ChainReader; keys: readonly Hex[]; finality: Finality }[],
  pollIntervalMs: number,
): Promise<RunningValidators> {
  const controller = new AbortController()
  const servers: Listening[] = []
  const loops: Promise<void>[] = []
  const validators: Validator[] = []
  const urls = new Map<number, string[]>()
  for (const { chain, keys, finality } of origins) {
    for (const privateKey of keys) {
      const validator = await createValidator({
        chain,
        store,
        privateKey,
        finality,
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
  retry: {
    initialDelayMs: 500,
    maxDelayMs: 2_000,
    factor: 2,
    maxAttempts: 10,
    gasLimitMultiplier: 1,
  },
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
  chains: readonly RelayerChain[]
  validators: ReadonlyMap<number, { urls: readonly string[]; threshold: number }>
  policy?: RelayerPolicy | undefined
  owner?: string | undefined
  routes?: readonly (readonly [number, number])[] | undefined
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

/** How often every agent polls its chains: often, so tests do not wait on it. */
const AGENT_POLL_MS = 50

/** One chain the agents run on: the adapter each kind of agent gets, and its finality. */
export type AgentChain = {
  domain: number
  /** When a block is final on it as an origin. */
  finality: Finality
  /** A validator's reader: validators only read, so it holds no key. */
  validatorReader: () => ChainReader | Promise<ChainReader>
  /** The relayer's submitter, signing with its key and journaling to its store. */
  relayerAdapter: (journal: TransactionJournal) => ChainSubmitter | Promise<ChainSubmitter>
  /** The validators run for it as an origin; default all three of `validatorKeys(domain)`. */
  validatorKeys?: readonly Hex[] | undefined
  /** The validator URLs the relayer is given for it, from those run; default all of them. */
  validatorUrls?: ((run: readonly string[]) => readonly string[]) | undefined
}

/**
 * Starts the validators of every chain of `chains` (each as an origin), all on `store`.
 *
 * @example
 * const validators = await startAgentValidators(validatorStore, [evmAgentChain(a, 2)])
 */
export async function startAgentValidators(
  store: RelayerStore,
  chains: readonly AgentChain[],
): Promise<RunningValidators> {
  const origins = []
  for (const chain of chains)
    origins.push({
      chain: await chain.validatorReader(),
      keys: chain.validatorKeys ?? validatorKeys(chain.domain),
      finality: chain.finality,
    })
  return await startValidators(store, origins, AGENT_POLL_MS)
}

export type StartAgentRelayerParameters = {
  store: RelayerStore
  chains: readonly AgentChain[]
  /** The validators it asks for signatures (two of each origin's must sign). */
  validators: RunningValidators
  policy?: RelayerPolicy | undefined
  owner?: string | undefined
  /** How long it waits for one validator's answer; default the relayer's own. */
  validatorTimeoutMs?: number | undefined
}

export type AgentRelayer = RunningRelayer & {
  /** The chains it runs on and, per origin, its validators: what an API beside it monitors. */
  chains: RelayerChain[]
  validators: RunRelayerParameters['validators']
}

/**
 * Runs a relayer over `chains` (the relayer's adapter of each), asking `validators`.
 *
 * @example
 * const relayer = await startAgentRelayer({ store, chains, validators, owner: 'relayer-2' })
 */
export async function startAgentRelayer({
  store,
  chains,
  validators,
  validatorTimeoutMs,
  ...options
}: StartAgentRelayerParameters): Promise<AgentRelayer> {
  const relayerChains: RelayerChain[] = []
  for (const chain of chains)
    relayerChains.push({
      adapter: await chain.relayerAdapter(store),
      finality: chain.finality,
      pollIntervalMs: AGENT_POLL_MS,
    })
  const validatorSets = new Map(
    chains.map((chain) => {
      const run = validators.urls.get(chain.domain) ?? []
      const urls = chain.validatorUrls?.(run) ?? run
      return [chain.domain, { urls, threshold: THRESHOLD, timeoutMs: validatorTimeoutMs }]
    }),
  )
  const relayer = startRelayer({
    store,
    chains: relayerChains,
    validators: validatorSets,
    ...options,
  })
  return { ...relayer, chains: relayerChains, validators: validatorSets }
}

export type Agents = {
  validators: RunningValidators
  relayer: AgentRelayer
  /** Stops the relayer, then the validators. */
  stop(): Promise<void>
}

export type StartAgentsParameters = Omit<StartAgentRelayerParameters, 'validators'> & {
  /** The validators' store (one for all of them). */
  validatorStore: RelayerStore
}

/**
 * Starts validators for every chain of `chains` (as an origin), then one relayer over all of
 * them, each agent on adapters of its own.
 *
 * @example
 * const agents = await startAgents({ chains: world.chains.map((c) => evmAgentChain(c, 2)), store, validatorStore })
 * await agents.stop()
 */
export async function startAgents({
  validatorStore,
  ...params
}: StartAgentsParameters): Promise<Agents> {
  const validators = await startAgentValidators(validatorStore, params.chains)
  const relayer = await startAgentRelayer({ ...params, validators })
  return {
    validators,
    relayer,
    async stop() {
      await relayer.stop()
      await validators.stop()
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
