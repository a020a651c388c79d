import type { FerryConfigInput } from '@ferry/relayer'
import {
  type CosmWasmTestChain,
  type EvmTestChain,
  TEST_COSMWASM_BECH32_PREFIX,
  TEST_COSMWASM_DENOM,
  TEST_COSMWASM_MNEMONIC,
  TEST_RELAYER_KEYS,
} from '@ferry/testkit'
import type { Address, Hex } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'

/** What the config needs of a devnet chain: a `TestChain` is one. */
export type DevnetConfigChain =
  | Pick<EvmTestChain, 'kind' | 'name' | 'domain' | 'rpcUrl' | 'endpoint'>
  | (Pick<CosmWasmTestChain, 'kind' | 'name' | 'domain' | 'chainId' | 'endpoint'> & {
      node: { type: 'embedded' } | { type: 'wasmd'; rpcUrl: string; gasPrice: string }
    })

/** One validator the devnet runs: its origin chain, its key and where it listens. */
export type DevnetValidator = { origin: number; privateKey: Hex; port: number }

export type ToDevnetConfigParameters = {
  chains: readonly DevnetConfigChain[]
  /** Every validator, grouped by origin in `chains` order; each origin's in key order. */
  validators: readonly DevnetValidator[]
  /** Signatures a proof needs: what the endpoints' verifiers were configured with. */
  threshold: number
  /** The relayer API's port (a real one: the config is also for running by hand). */
  apiPort: number
  /**
   * The relayer's least fee per origin chain name, in its native base units: its fee policy
   * becomes `minimum` (messages paying less wait as `underpaid`). Default none: it delivers
   * everything (`feePolicy: none`).
   */
  minimumFee?: Readonly<Record<string, bigint>> | undefined
  /**
   * Page origins a browser may read the API from (`relayer.api.cors.allowedOrigins`): the
   * explorer the devnet serves. Default none.
   */
  corsOrigins?: readonly string[] | undefined
}

export type DevnetConfig = {
  /** `ferry.yaml`: every chain, each origin's validator set, and the `relayer` section. */
  relayer: FerryConfigInput
  /** One config per validator (`validator-<name>.yaml`): its origin chain and `validator` section. */
  validators: {
    name: string
    origin: number
    url: string
    address: Address
    config: FerryConfigInput
  }[]
  /** `devnet.env`: the keys the signers name, all public test keys. */
  env: Record<string, string>
}

/** The environment variable the relayer's EVM key is read from. */
const RELAYER_KEY_ENV = 'FERRY_DEVNET_RELAYER_KEY'
/** The environment variable the relayer's CosmWasm mnemonic is read from. */
const WASM_MNEMONIC_ENV = 'FERRY_DEVNET_WASM_MNEMONIC'

/**
 * The devnet as `ferry` config files, the same that `ferry relayer start` and `ferry validator
 * start` read: `ferry.yaml` for the relayer (every chain, signers by environment variable, each
 * origin's validators and `threshold`, quick retries, the API on `apiPort`, a memory store, no
 * fee asked unless `minimumFee` names one per origin) and a
 * file per validator. The embedded CosmWasm chain is `embedded://<chain id>` (the process that
 * starts the services hands it over); a wasmd node, its RPC URL. Keys go in `env`, never in a
 * config. Pure: `startDevnet` writes the result.
 *
 * @example
 * const config = toDevnetConfig({ chains, validators, threshold: 2, apiPort: 8080 })
 * writeFileSync('.devnet/ferry.yaml', stringify(config.relayer))
 */
export function toDevnetConfig({
  chains,
  validators,
  threshold,
  apiPort,
  minimumFee,
  corsOrigins = [],
}: ToDevnetConfigParameters): DevnetConfig {
  const chainEntry = (chain: DevnetConfigChain, withSigner: boolean) => {
    const common = {
      name: chain.name,
      domain: chain.domain,
      endpoint: chain.endpoint,
      // The devnet's blocks come every half second: poll often, so the demo moves briskly.
      pollIntervalMs: 100,
    }
    if (chain.kind === 'evm')
      return {
        kind: chain.kind,
        ...common,
        rpcUrls: [chain.rpcUrl],
        confirmations: 1,
        ...(withSigner ? { signer: { env: RELAYER_KEY_ENV } } : {}),
      }
    return {
      kind: chain.kind,
      ...common,
      chainId: chain.chainId,
      rpcUrls: [chain.node.type === 'embedded' ? `embedded://${chain.chainId}` : chain.node.rpcUrl],
      bech32Prefix: TEST_COSMWASM_BECH32_PREFIX,
      // The embedded chain charges no gas; the price only has to parse.
      gasPrice: chain.node.type === 'wasmd' ? chain.node.gasPrice : `0${TEST_COSMWASM_DENOM}`,
      // A committed CometBFT block is final.
      confirmations: 0,
      ...(withSigner ? { signer: { env: WASM_MNEMONIC_ENV } } : {}),
    }
  }

  const env: Record<string, string> = {
    [RELAYER_KEY_ENV]: TEST_RELAYER_KEYS[0],
    [WASM_MNEMONIC_ENV]: TEST_COSMWASM_MNEMONIC,
  }
  const counts = new Map<number, number>()
  const validatorFiles = validators.map(({ origin, privateKey, port }) => {
    const chain = chains.find((candidate) => candidate.domain === origin)
    if (!chain) throw new Error(`devnet config: a validator of ${origin}, which is no chain`)
    const n = (counts.get(origin) ?? 0) + 1
    counts.set(origin, n)
    const name = `${chain.name}-${n}`
    const keyEnv = `FERRY_DEVNET_VALIDATOR_KEY_${name.toUpperCase().replaceAll('-', '_')}`
    env[keyEnv] = privateKey
    const config: FerryConfigInput = {
      log: { level: 'info' },
      store: { url: 'memory://' },
      chains: [chainEntry(chain, false)],
      validator: {
        origin: chain.name,
        signer: { env: keyEnv },
        listen: { host: '127.0.0.1', port },
        shutdownGraceMs: 5_000,
      },
    }
    return {
      name,
      origin,
      url: `http://127.0.0.1:${port}`,
      address: privateKeyToAddress(privateKey),
      config,
    }
  })

  const relayer: FerryConfigInput = {
    log: { level: 'info' },
    store: { url: 'memory://' },
    chains: chains.map((chain) => chainEntry(chain, true)),
    validators: chains.flatMap((chain) => {
      const urls = validatorFiles.filter((v) => v.origin === chain.domain).map((v) => v.url)
      return urls.length === 0 ? [] : [{ origin: chain.name, threshold, urls }]
    }),
    relayer: {
      id: 'devnet-relayer',
      batchSize: 50,
      maxInFlight: 2,
      leaseMs: 30_000,
      // Quick retries: a devnet demo should not wait minutes for a retried message.
      retry: {
        initialDelayMs: 1_000,
        maxDelayMs: 5_000,
        factor: 2,
        maxAttempts: 10,
        gasLimitMultiplier: 1,
      },
      shutdownGraceMs: 5_000,
      feePolicy:
        minimumFee === undefined
          ? { kind: 'none' }
          : {
              kind: 'minimum',
              // Decimal strings: YAML numbers lose precision above 2^53 (wei).
              minimumFee: Object.fromEntries(
                Object.entries(minimumFee).map(([name, fee]) => [name, fee.toString()]),
              ),
            },
      routes: 'all',
      api: {
        host: '127.0.0.1',
        port: apiPort,
        // The demo, the explorer and scripts all poll from this one machine.
        rateLimit: { requestsPerSecond: 1_000, burst: 1_000 },
        cors: { allowedOrigins: [...corsOrigins] },
      },
    },
  }
  return { relayer, validators: validatorFiles, env }
}
