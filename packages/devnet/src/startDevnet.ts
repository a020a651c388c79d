import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { EmbeddedChain } from '@ferry/cosmwasm-bindings/embedded'
import {
  loadConfig,
  startExplorerServer,
  startRelayerService,
  startValidatorService,
} from '@ferry/relayer'
import type { DevnetFile } from '@ferry/sdk'
import {
  buildWasmd,
  connectChains,
  freePort,
  startTestChain,
  type TestChain,
  testValidatorKeys,
} from '@ferry/testkit'
import type { Logger } from 'pino'
import { privateKeyToAddress } from 'viem/accounts'
import { deployCosmWasmTokenRoute } from './deployCosmWasmTokenRoute.js'
import { deployOpenZeppelinBridge } from './deployOpenZeppelinBridge.js'
import type { DevnetBridges } from './devnetBridges.js'
import { type DevnetValidator, toDevnetConfig } from './toDevnetConfig.js'
import { toDevnetFile } from './toDevnetFile.js'
import { type WriteDevnetConfigReturnType, writeDevnetConfig } from './writeDevnetConfig.js'

export type StartDevnetParameters = {
  /** Block time of every chain. Default 500 ms. */
  blockTimeMs?: number | undefined
  /** Port of the relayer's API; 0 picks a free one. Default 8080. */
  apiPort?: number | undefined
  /** Where to write the config files (`ferry.yaml`, validator files, `devnet.env`). Default `.devnet`. */
  dir?: string | undefined
  /** Where to write the devnet file. Default `<dir>/devnet.json`. */
  file?: string | undefined
  /**
   * Run the CosmWasm chain as a wasmd node (built once by `tools/wasmd/build.sh`) rather than
   * the embedded VM. Default false.
   */
  wasmd?: boolean | undefined
  /**
   * Start the validators and the relayer from the written configs. Default true; false starts
   * and connects the chains and writes the files only, for running the agents by hand with the
   * `ferry` CLI (the chain must then be wasmd: the CLI embeds none).
   */
  agents?: boolean | undefined
  /**
   * The relayer's least fee per origin chain name (`evm-a`, `evm-b`, `wasm`), in its native base
   * units: messages paying less wait as `underpaid` until topped up. Default none: the relayer
   * delivers everything.
   */
  minimumFee?: Readonly<Record<string, bigint>> | undefined
  /**
   * Serve a built explorer (`apps/explorer/dist`) beside the API, on `port` (default 8081; 0
   * picks a free one), told the API's URL and the devnet file's chains; the API allows its
   * origin (CORS). Default: none served.
   */
  explorer?: { dir: string; port?: number | undefined } | undefined
  logger: Logger
}

export type Devnet = {
  chains: TestChain[]
  /** The token bridges the devnet deploys beyond the chains' own (`DevnetBridges`). */
  bridges: DevnetBridges
  file: DevnetFile
  /** The config files written. */
  config: WriteDevnetConfigReturnType
  /**
   * Stops the relayer (its in-flight work recorded, its API closed), then the validators, then
   * the chains (the nodes' processes included).
   */
  stop(): Promise<void>
  /**
   * Stops the relayer, and its API with it (one service, as `ferry relayer start` runs them),
   * leaving the chains and validators running: what a dApp sees when no relayer serves it.
   * Once; `stop()` then stops the rest.
   */
  stopRelayer(): Promise<void>
  /** The explorer's URL, when `explorer` asked for one. */
  explorerUrl: string | undefined
}

/** Validators per origin, and how many must sign a checkpoint. */
const VALIDATORS = 3
const THRESHOLD = 2

/**
 * Brings up the whole system locally: two EVM chains (`hardhat node` on 127.0.0.1, domains 31337
 * and 31338), a CosmWasm chain (domain 7001: the embedded VM, or with `wasmd` a wasmd node on
 * 127.0.0.1), Ferry and the example apps on each, all connected (on the EVM chains also ERC-7786
 * gateways, Ferry token bridges from evm-a's test ERC-20 to a 6-decimal token on evm-b and from
 * the CosmWasm chain's denom to an 18-decimal token on evm-a, and OpenZeppelin's `BridgeERC20`
 * ↔ `ERC20Crosschain` over the gateways; HTLCs on evm-a and the CosmWasm chain, peered, for
 * swaps of evm-a's native token for the denom), each origin trusting three
 * validators of which two must sign. Then writes the `ferry` config files (`toDevnetConfig`:
 * `ferry.yaml`, a file per validator, `devnet.env`) and starts from them, through `loadConfig`,
 * `startValidatorService` and `startRelayerService` (what `ferry validator start` and `ferry
 * relayer start` run), the nine validators and the relayer with its API. Writes the devnet file.
 * Everything stops with `stop()`. With `wasmd`, fails with `WasmdUnavailableError` when wasmd is
 * not built and cannot be.
 *
 * @example
 * const devnet = await startDevnet({ logger })
 * console.log(devnet.file.apiUrl)
 * await devnet.stop()
 */
export async function startDevnet({
  blockTimeMs = 500,
  apiPort = 8080,
  dir = '.devnet',
  file = join(dir, 'devnet.json'),
  wasmd = false,
  agents = true,
  minimumFee,
  explorer,
  logger,
}: StartDevnetParameters): Promise<Devnet> {
  // Before anything starts, so that a missing wasmd fails at once.
  const wasmdBinary = wasmd ? await buildWasmd() : undefined
  const stops: (() => Promise<void> | void)[] = []
  let stopRelayer = async () => {}
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop()
  }
  try {
    // Side by side (a wasmd node takes seconds to start). Every chain that started is stopped
    // with the rest, also when another one failed to.
    const started = await Promise.allSettled([
      startTestChain({
        kind: 'evm',
        name: 'evm-a',
        domain: 31337,
        blockTimeMs,
        interchainAccounts: true,
        gateway: true,
        tokenBridge: { kind: 'collateral' },
        htlc: true,
      }),
      startTestChain({
        kind: 'evm',
        name: 'evm-b',
        domain: 31338,
        // An OP Stack rollup (GasPriceOracle and L1Block predeploys, `l1Fee` in receipts).
        chainType: 'op',
        blockTimeMs,
        interchainAccounts: true,
        gateway: true,
        // Not the 18 of evm-a's token: transfers show their dust staying with the sender.
        tokenBridge: { kind: 'synthetic', decimals: 6 },
      }),
      startTestChain({
        kind: 'cosmwasm',
        name: 'wasm',
        domain: 7001,
        chainId: 'ferry-devnet-7001',
        node: wasmdBinary === undefined ? 'embedded' : 'wasmd',
        wasmdBinary,
        blockTimeMs,
        interchainAccounts: true,
        htlc: true,
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
    await connectChains(chains, {
      validators: (domain) =>
        testValidatorKeys(domain, VALIDATORS).map((key) => privateKeyToAddress(key)),
      threshold: THRESHOLD,
    })
    const [evmA, evmB] = chains.filter((chain) => chain.kind === 'evm')
    const homeToken = evmA?.apps.tokenBridge?.token
    if (!evmA || !evmB || homeToken === undefined)
      throw new Error('devnet: evm-a and evm-b did not start with their token bridges')
    // OpenZeppelin's bridge over the same test ERC-20 that evm-a's Ferry bridge locks, and the
    // CosmWasm chain's denom bridged to evm-a.
    const wasmChain = chains.find((chain) => chain.kind === 'cosmwasm')
    if (!wasmChain) throw new Error('devnet: the CosmWasm chain did not start')
    // Side by side: they share only evm-a's deployer, whose nonce manager lets sends overlap.
    const [openZeppelin, cosmWasmToken] = await Promise.all([
      deployOpenZeppelinBridge({ home: evmA, remote: evmB, token: homeToken }),
      deployCosmWasmTokenRoute({ wasm: wasmChain, evm: evmA }),
    ])
    const bridges: DevnetBridges = { openZeppelin, cosmWasmToken }
    logger.info(
      { chains: chains.map((c) => `${c.name} (${c.domain})`) },
      'chains deployed and connected',
    )

    // Real ports in the files (not 0), so that they run the same by hand.
    const validators: DevnetValidator[] = []
    for (const chain of chains)
      for (const privateKey of testValidatorKeys(chain.domain, VALIDATORS))
        validators.push({ origin: chain.domain, privateKey, port: await freePort() })
    const port = apiPort === 0 ? await freePort() : apiPort
    const explorerPort =
      explorer === undefined
        ? undefined
        : (explorer.port ?? 8081) === 0
          ? await freePort()
          : (explorer.port ?? 8081)
    const explorerUrl = explorerPort === undefined ? undefined : `http://127.0.0.1:${explorerPort}`
    const config = toDevnetConfig({
      chains,
      validators,
      threshold: THRESHOLD,
      apiPort: port,
      minimumFee,
      corsOrigins: explorerUrl === undefined ? [] : [explorerUrl],
    })
    const written = writeDevnetConfig(dir, config)
    const devnetFile = toDevnetFile({
      apiUrl: `http://127.0.0.1:${port}`,
      chains,
      bridges,
      validators: config.validators.map(({ origin, url, address }) => ({ origin, url, address })),
    })

    if (agents) {
      const embeddedChains = new Map<string, EmbeddedChain>(
        chains.flatMap((chain) =>
          chain.kind === 'cosmwasm' && chain.node.type === 'embedded'
            ? [[chain.chainId, chain.node.chain] as const]
            : [],
        ),
      )
      const start = async (
        service: typeof startRelayerService,
        path: string,
        name: string,
        control: AbortController,
      ) => {
        const loaded = loadConfig({ path, env: config.env })
        const { done } = await service(loaded, {
          logger: logger.child({ service: name }),
          signal: control.signal,
          env: config.env,
          embeddedChains,
        })
        // A service runs until told to stop: stopping by itself means something ended it.
        // Wrapped: an async function would otherwise wait for the promise it returns.
        return {
          stopped: done.then(
            () => {
              if (!control.signal.aborted) logger.error({ service: name }, 'stopped unasked')
            },
            (error: unknown) => logger.error({ service: name, err: error }, 'failed'),
          ),
        }
      }
      // The validators first, so the relayer finds them; they stop after it.
      const validatorControl = new AbortController()
      const validatorsDone: Promise<void>[] = []
      stops.push(async () => {
        validatorControl.abort()
        await Promise.all(validatorsDone)
      })
      const startedValidators = await Promise.allSettled(
        written.validators.map(({ name, path }) =>
          start(startValidatorService, path, `validator-${name}`, validatorControl),
        ),
      )
      for (const result of startedValidators)
        if (result.status === 'fulfilled') validatorsDone.push(result.value.stopped)
      for (const result of startedValidators) if (result.status === 'rejected') throw result.reason

      const relayerControl = new AbortController()
      const relayer = await start(startRelayerService, written.relayer, 'relayer', relayerControl)
      stopRelayer = async () => {
        relayerControl.abort()
        await relayer.stopped
      }
      stops.push(() => stopRelayer())
    }

    if (explorer !== undefined) {
      const served = await startExplorerServer({
        dir: explorer.dir,
        apiUrl: devnetFile.apiUrl,
        chains: devnetFile,
        port: explorerPort,
      })
      stops.push(() => served.close())
    }

    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, `${JSON.stringify(devnetFile, null, 2)}\n`)
    return {
      explorerUrl,
      chains,
      bridges,
      file: devnetFile,
      config: written,
      stop: stopAll,
      stopRelayer: () => stopRelayer(),
    }
  } catch (error) {
    await stopAll()
    throw error
  }
}
