// Two fake chains (`src/testing/fakeChain`), a validator per origin serving its HTTP API on
// 127.0.0.1, and the relayer's core pieces over an in-memory store, driven pass by pass: the
// relayer core's unit tests run in milliseconds without a node.
import pino from 'pino'
import type { Hex } from 'viem'
import { listen } from '../../../service/listen.js'
import type { RelayerStore } from '../../../store/types.js'
import { createFakeChain, type FakeChain } from '../../../testing/fakeChain/createFakeChain.js'
import type { L1DeliveryCost } from '../../fees/l1DeliveryCost.js'
import { createValidator, type Validator } from '../../validator/createValidator.js'
import { createValidatorApp } from '../../validator/createValidatorApp.js'
import { createCheckpointFetcher } from '../createCheckpointFetcher.js'
import { createOriginIndexer } from '../createOriginIndexer.js'
import { createRouteDeliverer } from '../createRouteDeliverer.js'
import { createOriginTree, type OriginTree } from '../originTree.js'
import type { RelayerPolicy } from '../policy.js'

export const logger = pino({ level: process.env.FERRY_TEST_LOG ?? 'silent' })

/** Retries due at once, so a test drives them with the next pass instead of waiting. */
export const UNIT_POLICY: RelayerPolicy = {
  batchSize: 10,
  maxBatchGas: 12_000_000n,
  leaseMs: 30_000,
  retry: { initialDelayMs: 0, maxDelayMs: 0, factor: 2, maxAttempts: 3, gasLimitMultiplier: 1 },
  minimumFee: new Map(),
  maxInFlight: 2,
}

const KEYS: Hex[] = [
  '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
  '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
]

export type FakeWorld = {
  a: FakeChain
  b: FakeChain
  store: RelayerStore
  /** Validator URLs per origin domain. */
  urls: Map<number, string[]>
  trees: Map<number, OriginTree>
  confirmations: number
  /** Runs every validator's passes until it is caught up. */
  sign(): Promise<void>
  /** Runs the indexer of `chain` until caught up. */
  index(chain: FakeChain): Promise<void>
  /** A deliverer of the route `origin → destination`. */
  route(
    origin: FakeChain,
    destination: FakeChain,
    options?: {
      policy?: RelayerPolicy
      owner?: string
      store?: RelayerStore
      l1DeliveryCost?: L1DeliveryCost
    },
  ): ReturnType<typeof createRouteDeliverer>
  close(): Promise<void>
}

/**
 * A world of two fake chains (`domains`, default 1 and 2) with one validator each, over the
 * stores given (closed by the caller).
 *
 * @example
 * const world = await createFakeWorld({ store, validatorStore, domains: [1, 2] }); world.a.send({ destination: 2 }); world.a.mine(1)
 */
export async function createFakeWorld({
  confirmations = 1,
  store,
  validatorStore,
  domains = [1, 2],
  policy = UNIT_POLICY,
}: {
  confirmations?: number
  /** The relayer's store; tests share one (PGlite takes a moment to open) over fresh domains. */
  store: RelayerStore
  /** The validators' store (a validator and a relayer never share one). */
  validatorStore: RelayerStore
  domains?: readonly [number, number] | undefined
  policy?: RelayerPolicy
}): Promise<FakeWorld> {
  const a = createFakeChain({ domain: domains[0] })
  const b = createFakeChain({ domain: domains[1] })
  const validators: Validator[] = []
  const servers: Awaited<ReturnType<typeof listen>>[] = []
  const urls = new Map<number, string[]>()
  for (const [i, chain] of [a, b].entries()) {
    const validator = await createValidator({
      chain,
      store: validatorStore,
      privateKey: KEYS[i] as Hex, // CAST: two keys for two chains
      finality: { confirmations },
      logger,
    })
    validators.push(validator)
    const server = await listen(createValidatorApp(validator), { host: '127.0.0.1', port: 0 })
    servers.push(server)
    urls.set(chain.domain, [server.url])
  }
  const trees = new Map(
    [a, b].map((chain) => [chain.domain, createOriginTree(store, chain.domain)]),
  )
  const indexers = new Map(
    [a, b].map((chain) => [
      chain.domain,
      createOriginIndexer({
        chain,
        store,
        tree: trees.get(chain.domain) as OriginTree, // CAST: made just above for each chain
        finality: { confirmations },
        readFees: policy.minimumFee.has(chain.domain),
        logger,
      }),
    ]),
  )
  return {
    a,
    b,
    store,
    urls,
    trees,
    confirmations,
    async sign() {
      for (const validator of validators) while ((await validator.pass()) === 'again');
    },
    async index(chain) {
      const indexer = indexers.get(chain.domain)
      if (!indexer) throw new Error(`no indexer for ${chain.domain}`)
      while ((await indexer.pass()) === 'again');
    },
    route(origin, destination, options = {}) {
      const routeStore = options.store ?? store
      return createRouteDeliverer({
        origin,
        destination,
        store: routeStore,
        tree:
          options.store === undefined
            ? (trees.get(origin.domain) as OriginTree) // CAST: one per chain
            : createOriginTree(routeStore, origin.domain),
        fetcher: createCheckpointFetcher({
          origin: origin.domain,
          originEndpoint: origin.endpoint,
          validators: { urls: urls.get(origin.domain) ?? [], threshold: 1 },
          timeoutMs: 2_000,
          logger,
        }),
        owner: options.owner ?? 'relayer-unit',
        policy: options.policy ?? policy,
        l1DeliveryCost: options.l1DeliveryCost,
        logger,
      })
    },
    async close() {
      await Promise.all(servers.map((server) => server.close()))
    },
  }
}
