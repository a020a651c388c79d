import { describe, expect, test } from 'vitest'
import { applyEnvOverrides } from './envOverrides.js'
import { ConfigError } from './errors.js'
import { loadConfig } from './loadConfig.js'

const text = [
  'chains:',
  '  - { name: hardhat-a, kind: evm, domain: 31337, rpcUrls: [http://127.0.0.1:8545], endpoint: "0x5fbdb2315678afecb367f032d93f642f64180aa3", confirmations: 2, signer: { env: K } }',
  '  - { name: wasm, kind: cosmwasm, domain: 7001, rpcUrls: [http://127.0.0.1:26657], endpoint: wasm10v3nr24ar4jg5xjxf35nkuundmkn0a3teufd8697ppdl8qng9ecsypejp0, bech32Prefix: wasm, gasPrice: 0.025stake, confirmations: 0, signer: { env: M } }',
  'validators:',
  '  - { origin: hardhat-a, threshold: 1, urls: [http://127.0.0.1:9101] }',
  'relayer: { feePolicy: { kind: minimum, minimumFee: { hardhat-a: "1000" } } }',
].join('\n')

const load = (env: Record<string, string>) => loadConfig({ path: 'ferry.yaml', text, env })

function configError(env: Record<string, string>): ConfigError {
  try {
    load(env)
  } catch (error) {
    if (error instanceof ConfigError) return error
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('FERRY__ overrides', () => {
  test('a plain string value', () => {
    const config = load({
      FERRY__STORE__URL: 'postgres://ferry@db/ferry',
      FERRY__LOG__LEVEL: 'debug',
    })
    expect(config.store).toEqual({ kind: 'postgres', url: 'postgres://ferry@db/ferry' })
    expect(config.log.level).toBe('debug')
  })

  test('a JSON value is used as JSON: numbers, lists, objects', () => {
    const config = load({
      FERRY__RELAYER__BATCH_SIZE: '10',
      FERRY__CHAINS__HARDHAT_A__RPC_URLS: '["http://10.0.0.5:8545","ws://10.0.0.6:8546"]',
      FERRY__RELAYER__RETRY: '{"factor":3}',
      FERRY__CHAINS__WASM__SIGNER: '{"file":"/keys/wasm"}',
    })
    expect(config.relayer?.batchSize).toBe(10)
    expect(config.chains[0]?.rpcUrls).toEqual(['http://10.0.0.5:8545', 'ws://10.0.0.6:8546'])
    expect(config.relayer?.retry).toEqual({
      initialDelayMs: 5000,
      maxDelayMs: 600_000,
      factor: 3,
      maxAttempts: 10,
      gasLimitMultiplier: 1,
    })
    expect(config.chains[1]?.signer).toEqual({
      source: 'file',
      file: '/keys/wasm',
      accept: ['mnemonic', 'privateKey'],
    })
  })

  test('chains by name (hyphens as underscores), validator sets by origin, fees by chain name', () => {
    const config = load({
      FERRY__CHAINS__HARDHAT_A__CONFIRMATIONS: '12',
      FERRY__CHAINS__HARDHAT_A__GAS__MAX_FEE_PER_GAS: '"300000000000"',
      FERRY__CHAINS__WASM__BECH32_PREFIX: 'wasm',
      FERRY__VALIDATORS__HARDHAT_A__TIMEOUT_MS: '2500',
      FERRY__RELAYER__FEE_POLICY__MINIMUM_FEE__HARDHAT_A: '2000',
      // A new key of the map: spelt as the chain is, and an amount past 2^53 kept exact.
      FERRY__RELAYER__FEE_POLICY__MINIMUM_FEE__WASM: '1000000000000000000001',
    })
    expect(config.chains[0]?.finality).toEqual({ confirmations: 12 })
    expect(config.chains[0]?.kind === 'evm' && config.chains[0].gas.maxFeePerGas).toBe(
      300_000_000_000n,
    )
    expect(config.validators[0]?.timeoutMs).toBe(2500)
    expect(config.relayer?.feePolicy).toEqual({
      kind: 'minimum',
      minimumFee: { 'hardhat-a': 2000n, wasm: 1_000_000_000_000_000_000_001n },
    })
  })

  test('an unknown chain name is an error naming the variable', () => {
    const error = configError({ FERRY__CHAINS__HARDHAT_B__CONFIRMATIONS: '3' })
    expect(error.lines()).toEqual([
      'ferry.yaml: FERRY__CHAINS__HARDHAT_B__CONFIRMATIONS: no chains entry whose name matches HARDHAT_B (chains: hardhat-a, wasm)',
    ])
  })

  test('an unknown chain in a fee map is an error naming the variable', () => {
    const error = configError({ FERRY__RELAYER__FEE_POLICY__MINIMUM_FEE__OSMOSIS: '1' })
    expect(error.issues).toEqual([
      {
        field: 'FERRY__RELAYER__FEE_POLICY__MINIMUM_FEE__OSMOSIS',
        message: 'no chain whose name matches OSMOSIS (chains: hardhat-a, wasm)',
      },
    ])
  })

  test('a bad value set by a variable names the variable beside the field', () => {
    const error = configError({
      FERRY__CHAINS__WASM__CONFIRMATIONS: '-1',
      FERRY__LOG__LEVEL: 'loud',
    })
    expect(error.lines().sort()).toEqual([
      'ferry.yaml: chains[1].confirmations (wasm) [set by FERRY__CHAINS__WASM__CONFIRMATIONS]: must be 0 or more blocks',
      'ferry.yaml: log.level [set by FERRY__LOG__LEVEL]: must be one of fatal, error, warn, info, debug, trace, silent',
    ])
  })

  test('an unknown field set by a variable is caught by the strict schema', () => {
    expect(configError({ FERRY__RELAYER__BATCHSIZE: '5' }).issues).toEqual([
      {
        field: 'relayer.batchsize',
        message: 'is not a known field',
        source: 'FERRY__RELAYER__BATCHSIZE',
      },
    ])
  })

  test('a list that is not keyed by name must be set whole', () => {
    expect(configError({ FERRY__CHAINS__HARDHAT_A__RPC_URLS__0: 'http://a' }).issues[0]).toEqual({
      field: 'FERRY__CHAINS__HARDHAT_A__RPC_URLS__0',
      message: 'chains.rpcUrls is a list: set it whole, as JSON',
    })
  })

  test('a path through a value is an error', () => {
    expect(configError({ FERRY__RELAYER__FEE_POLICY__KIND__MAX: '5' }).issues).toEqual([
      {
        field: 'FERRY__RELAYER__FEE_POLICY__KIND__MAX',
        message: 'relayer.feePolicy.kind is not a section, so it has no field max',
      },
    ])
  })

  test('malformed variable names are errors', () => {
    expect(configError({ FERRY__LOG____LEVEL: 'debug' }).issues[0]?.field).toBe(
      'FERRY__LOG____LEVEL',
    )
  })

  test('single-underscore FERRY_ variables are not overrides', () => {
    expect(load({ FERRY_CONFIG: 'other.yaml', FERRY_RELAYER_KEY: '0x01' }).log.level).toBe('info')
  })

  test('variables apply in name order: the more specific wins', () => {
    const config = load({
      FERRY__STORE__URL: 'postgres://db/ferry',
      FERRY__STORE: '{"url":"memory://"}',
    })
    expect(config.store.kind).toBe('postgres')
  })
})

describe('applyEnvOverrides', () => {
  test('creates missing sections and leaves its input alone', () => {
    const document = { chains: [] }
    const result = applyEnvOverrides({ document, env: { FERRY__LOG__LEVEL: 'warn', PATH: '/bin' } })
    expect(result).toEqual({
      document: { chains: [], log: { level: 'warn' } },
      sources: [{ path: ['log', 'level'], variable: 'FERRY__LOG__LEVEL' }],
      issues: [],
    })
    expect(document).toEqual({ chains: [] })
  })

  test('an empty document gets a root', () => {
    expect(
      applyEnvOverrides({ document: null, env: { FERRY__LOG__LEVEL: 'warn' } }).document,
    ).toEqual({ log: { level: 'warn' } })
  })

  test('does not walk into Object.prototype', () => {
    const result = applyEnvOverrides({ document: {}, env: { FERRY__CONSTRUCTOR__NAME: 'x' } })
    expect(result.document).toEqual({ constructor: { name: 'x' } })
    expect(Object.prototype.constructor.name).toBe('Object')
  })
})
