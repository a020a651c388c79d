import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import {
  createEventBus,
  createValidator,
  createValidatorApp,
  type EventBus,
  type Listening,
  listen,
  observeStore,
  openStore,
  type RelayerPolicy,
  type RelayerStore,
  type RunningRelayerApi,
  runRelayer,
  runValidator,
  startRelayerApi,
  type TransactionJournal,
} from '@ferry/relayer'
import {
  buildWasmd,
  connectChains,
  devnetValidatorKey,
  startTestChain,
  type TestChain,
} from '@ferry/testkit'
import type { Logger } from 'pino'
import { privateKeyToAddress } from 'viem/accounts'
import { createDevnetAdapter, type DevnetAdapter } from './createDevnetAdapter.js'
import { type DevnetFile, toDevnetFile } from './toDevnetFile.js'

export type StartDevnetParameters = {
  /** Block time of every chain. Default 500 ms. */
  blockTimeMs?: number | undefined
  /** Port of the relayer's API; 0 picks a free one. Default 8080. */
  apiPort?: number | undefined
  /** Where to write the devnet file. Default `.devnet/devnet.json`. */
  file?: string | undefined
  /**
   * Run the CosmWasm chain as a wasmd node (built once by `tools/wasmd/build.sh`) rather than
   * the embedded VM. Default false.
   */
  wasmd?: boolean | undefined
  logger: Logger
}

export type Devnet = {
  chains: TestChain[]
  file: DevnetFile
  store: RelayerStore
  bus: EventBus
  api: RunningRelayerApi
  /** Stops the relayer (recording what is in flight), validators, API and chains. */
  stop(): Promise<void>
}

/** Quick retries: a devnet demo should not wait minutes for a retried message. */
const DEVNET_POLICY: RelayerPolicy = {
  batchSize: 50,
  maxBatchGas: 12_000_000n,
  leaseMs: 30_000,
  retry: {
    initialDelayMs: 1_000,
    maxDelayMs: 5_000,
    factor: 2,
    maxAttempts: 10,
    gasLimitMultiplier: 1,
  },
  minimumFee: new Map(),
  maxInFlight: 2,
}

/**
 * Brings up the whole system locally: two EVM chains (`hardhat node` on 127.0.0.1,
 * domains 31337 and 31338), a CosmWasm chain (domain 7001: the embedded VM, or with `wasmd` a
 * wasmd node on 127.0.0.1), Ferry and the example apps on each, all connected; a validator per
 * chain, a relayer over every route and its API. Writes the devnet file. Everything stops with
 * `stop()`, the nodes' processes included. With `wasmd`, fails with `WasmdUnavailableError`
 * when wasmd is not built and cannot be.
 *
 * @example
 * const devnet = await startDevnet({ logger })
 * console.log(devnet.file.apiUrl)
 * await devnet.stop()
 */
export async function startDevnet({
  blockTimeMs = 500,
  apiPort = 8080,
  file = '.devnet/devnet.json',
  wasmd = false,
  logger,
}: StartDevnetParameters): Promise<Devnet> {
  // Before anything starts, so that a missing wasmd fails at once.
  const wasmdBinary = wasmd ? await buildWasmd() : undefined
  const stops: (() => Promise<void> | void)[] = []
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop()
  }
  try {
    // Side by side (a wasmd node takes seconds to start). Every chain that started is stopped
    // with the rest, also when another one failed to.
    const started = await Promise.allSettled([
      startTestChain({ kind: 'evm', name: 'evm-a', domain: 31337, blockTimeMs }),
      startTestChain({ kind: 'evm', name: 'evm-b', domain: 31338, blockTimeMs }),
      startTestChain({
        kind: 'cosmwasm',
        name: 'wasm',
        domain: 7001,
        chainId: 'ferry-devnet-7001',
        node: wasmdBinary === undefined ? 'embedded' : 'wasmd',
        wasmdBinary,
        blockTimeMs,
      }),
    ])
    const chains: TestChain[] = []
    for (const result of started) {
      if (result.status === 'rejected') continue
      const chain = result.value
      chains.push(chain)
      stops.push(() => chain.stop())
    }
    for (const result of started) if (result.status === 'rejected') throw result.reason
    // Each origin's one validator signs alone: threshold 1.
    await connectChains(chains, {
      validators: (domain) => [privateKeyToAddress(devnetValidatorKey(domain))],
      threshold: 1,
    })
    logger.info(
      { chains: chains.map((c) => `${c.name} (${c.domain})`) },
      'chains deployed and connected',
    )

    const validatorStore = await openStore('memory://')
    stops.push(() => validatorStore.close())
    const bus = createEventBus()
    const store = observeStore(await openStore('memory://'), bus, { logger })
    stops.push(() => store.close())

    const adapters: DevnetAdapter[] = []
    stops.push(() => {
      for (const adapter of adapters) adapter.close()
    })
    const adapter = async (chain: TestChain, journal: TransactionJournal, relaying: boolean) => {
      const created = await createDevnetAdapter({ chain, journal, relaying, logger })
      adapters.push(created)
      return created.adapter
    }
    const confirmations = (chain: TestChain) => (chain.kind === 'evm' ? 1 : 0)

    // One validator per chain.
    const validatorControl = new AbortController()
    const validatorLoops: Promise<void>[] = []
    const servers: Listening[] = []
    const validators: DevnetFile['validators'] = []
    for (const chain of chains) {
      const validator = await createValidator({
        chain: await adapter(chain, validatorStore, false),
        store: validatorStore,
        privateKey: devnetValidatorKey(chain.domain),
        confirmations: confirmations(chain),
        logger,
      })
      const server = await listen(createValidatorApp(validator), { host: '127.0.0.1', port: 0 })
      servers.push(server)
      validators.push({ origin: chain.domain, url: server.url, address: validator.address })
      validatorLoops.push(
        runValidator({ validator, pollIntervalMs: 100, signal: validatorControl.signal, logger }),
      )
    }
    stops.push(async () => {
      validatorControl.abort()
      await Promise.all(validatorLoops)
      await Promise.all(servers.map((server) => server.close()))
    })

    const relayerChains = await Promise.all(
      chains.map(async (chain) => ({
        adapter: await adapter(chain, store, true),
        confirmations: confirmations(chain),
        pollIntervalMs: 100,
        name: chain.name,
      })),
    )
    const validatorSets = new Map(
      validators.map((v) => [v.origin, { urls: [v.url], threshold: 1 }]),
    )
    const relayerControl = new AbortController()
    const relaying = runRelayer({
      chains: relayerChains,
      store,
      validators: validatorSets,
      routes: chains.flatMap((from) =>
        chains.flatMap((to) => (from === to ? [] : [[from.domain, to.domain] as const])),
      ),
      owner: 'devnet-relayer',
      policy: DEVNET_POLICY,
      logger,
      signal: relayerControl.signal,
    })
    stops.push(async () => {
      relayerControl.abort()
      await relaying
    })
    const api = await startRelayerApi({
      store,
      bus,
      chains: relayerChains,
      validators: validatorSets,
      port: apiPort,
      logger,
    })
    stops.push(() => api.close())

    const devnetFile = toDevnetFile({ apiUrl: api.url, chains, validators })
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, `${JSON.stringify(devnetFile, null, 2)}\n`)
    return { chains, file: devnetFile, store, bus, api, stop: stopAll }
  } catch (error) {
    await stopAll()
    throw error
  }
}
