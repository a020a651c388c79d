import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { parse, stringify } from 'yaml'
import { ConfigError } from './errors.js'
import { loadConfig } from './loadConfig.js'

const examplePath = fileURLToPath(new URL('../../ferry.example.yaml', import.meta.url))
const exampleText = readFileSync(examplePath, 'utf8')

/** The example config as a plain object, to break one field at a time. */
// biome-ignore lint/suspicious/noExplicitAny: tests reach into the document freely.
type Doc = any
const example = (): Doc => parse(exampleText)

function issuesOf(document: Doc) {
  try {
    loadConfig({ text: stringify(document), env: {} })
  } catch (error) {
    if (error instanceof ConfigError) return error
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('the example config (golden)', () => {
  test('parses, with defaults, bigints, checksummed addresses and absolute paths', () => {
    const config = loadConfig({ path: examplePath, env: {} })
    const dir = dirname(examplePath)
    expect(config).toEqual({
      log: { level: 'info' },
      store: { kind: 'pglite', url: 'file:.ferry/store', dataDir: resolve(dir, '.ferry/store') },
      chains: [
        {
          kind: 'evm',
          name: 'hardhat-a',
          domain: 31337,
          chainId: 31337,
          rpcUrls: ['http://127.0.0.1:8545'],
          endpoint: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
          finality: { confirmations: 2 },
          pollIntervalMs: 1000,
          maxBlockSpan: 2000,
          signer: { source: 'env', env: 'FERRY_RELAYER_KEY', accept: ['privateKey'] },
          gas: {
            maxFeePerGas: 200_000_000_000n,
            maxPriorityFeePerGas: 2_000_000_000n,
            bumpPercent: 15,
            stuckAfterMs: 30_000,
            limit: 'bound',
            estimateMultiplier: 1.2,
          },
        },
        {
          kind: 'evm',
          name: 'hardhat-b',
          domain: 31338,
          chainId: 31338,
          rpcUrls: ['http://127.0.0.1:8546'],
          // Written lower-case in the file; checksummed in the output.
          endpoint: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
          finality: { tag: 'finalized' },
          pollIntervalMs: 1000,
          signer: { source: 'env', env: 'FERRY_RELAYER_KEY', accept: ['privateKey'] },
          gas: { bumpPercent: 15, stuckAfterMs: 30_000, limit: 'bound', estimateMultiplier: 1.2 },
        },
        {
          kind: 'cosmwasm',
          name: 'wasm',
          domain: 7001,
          chainId: 'ferry-local',
          rpcUrls: ['http://127.0.0.1:26657'],
          endpoint: 'wasm10v3nr24ar4jg5xjxf35nkuundmkn0a3teufd8697ppdl8qng9ecsypejp0',
          bech32Prefix: 'wasm',
          gasPrice: '0.025stake',
          finality: { confirmations: 0 },
          pollIntervalMs: 500,
          signer: { source: 'env', env: 'FERRY_WASM_MNEMONIC', accept: ['mnemonic', 'privateKey'] },
        },
      ],
      validators: [
        {
          origin: 'hardhat-a',
          threshold: 2,
          urls: ['http://127.0.0.1:9101', 'http://127.0.0.1:9102'],
          timeoutMs: 5000,
        },
        { origin: 'wasm', threshold: 1, urls: ['http://127.0.0.1:9201'], timeoutMs: 5000 },
      ],
      relayer: {
        id: 'relayer-1',
        batchSize: 50,
        maxBatchGas: 12_000_000,
        maxInFlight: 4,
        retry: {
          initialDelayMs: 5000,
          maxDelayMs: 600_000,
          factor: 2,
          maxAttempts: 10,
          gasLimitMultiplier: 1,
        },
        leaseMs: 30_000,
        shutdownGraceMs: 10_000,
        feePolicy: { kind: 'minimum', minimumFee: { 'hardhat-a': 1000n } },
        routes: 'all',
        api: {
          enabled: true,
          host: '127.0.0.1',
          port: 8080,
          rateLimit: { requestsPerSecond: 20, burst: 40 },
          cors: { allowedOrigins: [] },
          requireKeyForReads: false,
        },
      },
      validator: {
        origin: 'hardhat-a',
        signer: { source: 'env', env: 'FERRY_VALIDATOR_KEY', accept: ['privateKey'] },
        listen: { host: '127.0.0.1', port: 9101 },
        shutdownGraceMs: 10_000,
      },
    })
  })

  test('a minimal file takes every default (the confirmations shorthand becomes finality)', () => {
    const config = loadConfig({
      text: [
        'chains:',
        '  - { name: a, kind: evm, domain: 1, rpcUrls: [http://x], endpoint: "0x5fbdb2315678afecb367f032d93f642f64180aa3", confirmations: 1 }',
      ].join('\n'),
      env: {},
      baseDir: '/srv/ferry',
    })
    expect(config).toEqual({
      log: { level: 'info' },
      store: { kind: 'pglite', url: 'file:.ferry/store', dataDir: '/srv/ferry/.ferry/store' },
      chains: [
        {
          kind: 'evm',
          name: 'a',
          domain: 1,
          chainId: 1,
          rpcUrls: ['http://x'],
          endpoint: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
          finality: { confirmations: 1 },
          pollIntervalMs: 1000,
          gas: { bumpPercent: 15, stuckAfterMs: 30_000, limit: 'bound', estimateMultiplier: 1.2 },
        },
      ],
      validators: [],
    })
  })

  test('store kinds: memory, postgres, absolute file URL', () => {
    const load = (url: string) => {
      const doc = example()
      doc.store.url = url
      return loadConfig({ text: stringify(doc), env: {} }).store
    }
    expect(load('memory://')).toEqual({ kind: 'memory', url: 'memory://' })
    expect(load('postgres://ferry:pw@db:5432/ferry')).toEqual({
      kind: 'postgres',
      url: 'postgres://ferry:pw@db:5432/ferry',
    })
    expect(load('file:///var/lib/ferry')).toEqual({
      kind: 'pglite',
      url: 'file:///var/lib/ferry',
      dataDir: '/var/lib/ferry',
    })
  })

  test('a CosmWasm chain embedded in the process: embedded://<chain id>', () => {
    const doc = example()
    doc.chains[2].rpcUrls = ['embedded://ferry-local']
    const config = loadConfig({ text: stringify(doc), env: {} })
    expect(config.chains[2]?.rpcUrls).toEqual(['embedded://ferry-local'])
  })

  test('explicit routes and a feePolicy of none', () => {
    const doc = example()
    doc.relayer.routes = [{ from: 'hardhat-a', to: 'wasm' }]
    doc.relayer.feePolicy = { kind: 'none' }
    delete doc.chains[1].signer // hardhat-b is no destination now, so it needs no key
    const config = loadConfig({ text: stringify(doc), env: {} })
    expect(config.relayer?.routes).toEqual([{ from: 'hardhat-a', to: 'wasm' }])
    expect(config.relayer?.feePolicy).toEqual({ kind: 'none' })
    expect(config.chains[1]?.signer).toBeUndefined()
  })
})

/** One broken field each: [what, how to break the example, the field named, a fragment of the message]. */
const badConfigs: [string, (doc: Doc) => void, string, string][] = [
  [
    'wrong chain kind',
    (d) => (d.chains[0].kind = 'solana'),
    'chains[0].kind',
    'must be "evm" or "cosmwasm"',
  ],
  [
    'short EVM address',
    (d) => (d.chains[0].endpoint = '0x1234'),
    'chains[0].endpoint',
    'EVM address',
  ],
  [
    'bad EIP-55 checksum',
    (d) => (d.chains[0].endpoint = '0x5FbDB2315678afecb367f032d93F642f64180AA3'),
    'chains[0].endpoint',
    'checksummed',
  ],
  ['bad bech32', (d) => (d.chains[2].endpoint = 'wasm1invalid'), 'chains[2].endpoint', 'bech32'],
  [
    'bech32 prefix mismatch',
    (d) =>
      (d.chains[2].endpoint = 'osmo10v3nr24ar4jg5xjxf35nkuundmkn0a3teufd8697ppdl8qng9ecst2dlu8'),
    'chains[2].endpoint',
    'has prefix "osmo", but bech32Prefix is "wasm"',
  ],
  [
    'upper-case bech32 prefix',
    (d) => (d.chains[2].bech32Prefix = 'Wasm'),
    'chains[2].bech32Prefix',
    'lower-case',
  ],
  ['domain above u32', (d) => (d.chains[0].domain = 2 ** 32), 'chains[0].domain', 'u32'],
  ['negative domain', (d) => (d.chains[0].domain = -1), 'chains[0].domain', 'u32'],
  ['fractional domain', (d) => (d.chains[0].domain = 1.5), 'chains[0].domain', 'whole number'],
  [
    'duplicate chain name',
    (d) => (d.chains[1].name = 'hardhat-a'),
    'chains[1].name',
    'duplicates chains[0].name',
  ],
  [
    'duplicate domain',
    (d) => (d.chains[1].domain = 31337),
    'chains[1].domain',
    'duplicates chains[0].domain',
  ],
  [
    'chain name with capitals',
    (d) => (d.chains[0].name = 'Hardhat_A'),
    'chains[0].name',
    'lower-case letters',
  ],
  [
    'unknown validators origin',
    (d) => (d.validators[0].origin = 'ghost'),
    'validators[0].origin',
    'no chain named "ghost"',
  ],
  [
    'duplicate validators origin',
    (d) => (d.validators[1].origin = 'hardhat-a'),
    'validators[1].origin',
    'duplicates validators[0]',
  ],
  [
    'threshold above urls',
    (d) => (d.validators[0].threshold = 3),
    'validators[0].threshold',
    'only 2 validator URL',
  ],
  [
    'zero threshold',
    (d) => (d.validators[0].threshold = 0),
    'validators[0].threshold',
    'at least 1',
  ],
  [
    'duplicate validator URL',
    (d) => (d.validators[0].urls = ['http://a:1', 'http://a:1']),
    'validators[0].urls[1]',
    'duplicates [0]',
  ],
  [
    'bad RPC URL scheme',
    (d) => (d.chains[0].rpcUrls = ['ftp://127.0.0.1']),
    'chains[0].rpcUrls[0]',
    'http://, https://, ws://, wss://',
  ],
  ['no RPC URL', (d) => (d.chains[0].rpcUrls = []), 'chains[0].rpcUrls', 'at least one URL'],
  [
    'validator URL over ws',
    (d) => (d.validators[1].urls = ['ws://127.0.0.1:9201']),
    'validators[1].urls[0]',
    'http://, https://',
  ],
  [
    'negative confirmations',
    (d) => (d.chains[0].finality.confirmations = -1),
    'chains[0].finality.confirmations',
    '0 or more',
  ],
  [
    'negative confirmations, in the shorthand',
    (d) => {
      delete d.chains[0].finality
      d.chains[0].confirmations = -1
    },
    'chains[0].confirmations',
    '0 or more',
  ],
  ['missing finality', (d) => delete d.chains[0].finality, 'chains[0].finality', 'is required'],
  [
    'unknown finality tag',
    (d) => (d.chains[1].finality = { tag: 'latest' }),
    'chains[1].finality.tag',
    'must be "safe" or "finalized"',
  ],
  [
    'finality with both rules',
    (d) => (d.chains[1].finality = { tag: 'safe', confirmations: 3 }),
    'chains[1].finality',
    'exactly one of confirmations',
  ],
  [
    'finality with neither rule',
    (d) => (d.chains[1].finality = {}),
    'chains[1].finality',
    'exactly one of confirmations',
  ],
  [
    'finality and the confirmations shorthand both',
    (d) => (d.chains[0].confirmations = 2),
    'chains[0].confirmations',
    'must not be set beside finality',
  ],
  [
    'a tag on a CosmWasm chain',
    (d) => (d.chains[2].finality = { tag: 'finalized' }),
    'chains[2].finality.tag',
    'is for EVM chains',
  ],
  [
    'bad bigint string',
    (d) => (d.chains[0].gas.maxFeePerGas = '12abc'),
    'chains[0].gas.maxFeePerGas',
    'decimal integer',
  ],
  [
    'negative fee',
    (d) => (d.relayer.feePolicy.minimumFee['hardhat-a'] = '-5'),
    'relayer.feePolicy.minimumFee.hardhat-a',
    'decimal integer',
  ],
  [
    'unquoted huge amount',
    (d) => (d.chains[0].gas.maxFeePerGas = 1e20),
    'chains[0].gas.maxFeePerGas',
    'quote it',
  ],
  [
    'tip above the fee cap',
    (d) => (d.chains[0].gas.maxPriorityFeePerGas = '300000000000'),
    'chains[0].gas.maxPriorityFeePerGas',
    'maxFeePerGas',
  ],
  [
    'bump below 10%',
    (d) => (d.chains[0].gas.bumpPercent = 5),
    'chains[0].gas.bumpPercent',
    'at least 10',
  ],
  ['bad gas price', (d) => (d.chains[2].gasPrice = 'cheap'), 'chains[2].gasPrice', '"0.025stake"'],
  ['unknown top-level key', (d) => (d.metrics = { port: 9000 }), 'metrics', 'is not a known field'],
  [
    'misspelt chain field',
    (d) => (d.chains[0].pollIntervall = 5),
    'chains[0].pollIntervall',
    'is not a known field',
  ],
  [
    'unknown route chain',
    (d) => (d.relayer.routes = [{ from: 'hardhat-a', to: 'nowhere' }]),
    'relayer.routes[0].to',
    'no chain named "nowhere"',
  ],
  [
    'route from an origin without validators',
    (d) => (d.relayer.routes = [{ from: 'hardhat-b', to: 'wasm' }]),
    'relayer.routes[0].from',
    'no validators entry',
  ],
  [
    'route to itself',
    (d) => (d.relayer.routes = [{ from: 'wasm', to: 'wasm' }]),
    'relayer.routes[0].to',
    'must differ',
  ],
  [
    'route missing `to`',
    (d) => (d.relayer.routes = [{ from: 'wasm' }]),
    'relayer.routes[0].to',
    'is required',
  ],
  [
    'routes neither all nor a list',
    (d) => (d.relayer.routes = 'some'),
    'relayer.routes',
    'must be "all" or a list',
  ],
  [
    'routes all with no validators',
    (d) => (d.validators = []),
    'relayer.routes',
    'no chain has a validators entry',
  ],
  [
    'fee for an unknown chain',
    (d) => (d.relayer.feePolicy.minimumFee = { ghost: '1' }),
    'relayer.feePolicy.minimumFee.ghost',
    'no chain named "ghost"',
  ],
  [
    'unknown fee policy kind',
    (d) => (d.relayer.feePolicy = { kind: 'auction' }),
    'relayer.feePolicy.kind',
    '"none" or "minimum"',
  ],
  [
    'unknown validator origin',
    (d) => (d.validator.origin = 'ghost'),
    'validator.origin',
    'no chain named "ghost"',
  ],
  [
    'destination without a signer',
    (d) => delete d.chains[2].signer,
    'chains[2].signer',
    'the relayer delivers to this chain',
  ],
  [
    'signer with env and file',
    (d) => (d.validator.signer = { env: 'K', file: './k' }),
    'validator.signer',
    'exactly one',
  ],
  [
    'signer env not a variable name',
    (d) => (d.validator.signer = { env: 'MY-KEY' }),
    'validator.signer.env',
    'environment variable name',
  ],
  [
    'inline key in the config',
    (d) => (d.validator.signer = { key: '0x01' }),
    'validator.signer.key',
    'is not a known field',
  ],
  ['unknown store scheme', (d) => (d.store.url = 'mysql://db/ferry'), 'store.url', 'postgres://'],
  ['bad log level', (d) => (d.log.level = 'verbose'), 'log.level', 'must be one of'],
  [
    'port out of range',
    (d) => (d.validator.listen.port = 70_000),
    'validator.listen.port',
    'TCP port',
  ],
  [
    'retry cap below the first delay',
    (d) => (d.relayer.retry.maxDelayMs = 1),
    'relayer.retry.maxDelayMs',
    'at least initialDelayMs',
  ],
  [
    'retry attempts of zero',
    (d) => (d.relayer.retry.maxAttempts = 0),
    'relayer.retry.maxAttempts',
    'whole number from 1 to 1000',
  ],
  [
    'retry attempts not whole',
    (d) => (d.relayer.retry.maxAttempts = 2.5),
    'relayer.retry.maxAttempts',
    'whole number from 1 to 1000',
  ],
  [
    'retry gas multiplier below 1',
    (d) => (d.relayer.retry.gasLimitMultiplier = 0.5),
    'relayer.retry.gasLimitMultiplier',
    'at least 1',
  ],
  [
    'retry gas multiplier not a number',
    (d) => (d.relayer.retry.gasLimitMultiplier = '1.5'),
    'relayer.retry.gasLimitMultiplier',
    'must be a number',
  ],
  [
    'embedded chain beside an RPC URL',
    (d) => (d.chains[2].rpcUrls = ['embedded://ferry-local', 'http://127.0.0.1:26657']),
    'chains[2].rpcUrls',
    'the only URL of its chain',
  ],
  [
    'embedded EVM chain',
    (d) => (d.chains[0].rpcUrls = ['embedded://31337']),
    'chains[0].rpcUrls[0]',
    'must be a URL starting with http://',
  ],
  ['no chains', (d) => (d.chains = []), 'chains', 'at least one chain'],
  [
    'CORS origin with a path',
    (d) => (d.relayer.api = { cors: { allowedOrigins: ['https://explorer.example/app'] } }),
    'relayer.api.cors.allowedOrigins[0]',
    'must be an origin',
  ],
  [
    'CORS origin that is not http(s)',
    (d) => (d.relayer.api = { cors: { allowedOrigins: ['https://ok.example', 'file:///x'] } }),
    'relayer.api.cors.allowedOrigins[1]',
    'must be an origin',
  ],
  [
    'requireKeyForReads that is not a boolean',
    (d) => (d.relayer.api = { requireKeyForReads: 'yes' }),
    'relayer.api.requireKeyForReads',
    'must be true or false',
  ],
  [
    'chain that is not a mapping',
    (d) => (d.chains[0] = 'hardhat-a'),
    'chains[0]',
    'must be an object',
  ],
]

describe('every invalid field fails naming it', () => {
  test.each(badConfigs)('%s', (_name, breakIt, field, fragment) => {
    const doc = example()
    breakIt(doc)
    const error = issuesOf(doc)
    expect(error.retryable).toBe(false)
    const issue = error.issues.find((entry) => entry.field === field)
    expect(issue, `issues: ${error.lines().join('\n')}`).toBeDefined()
    expect(issue?.message).toContain(fragment)
  })
})

test('one error lists every issue at once, naming chains and the file', () => {
  const doc = example()
  doc.chains[0].endpoint = '0x1234'
  doc.chains[2].gasPrice = 7
  doc.chains[1].name = 'wasm'
  doc.validators[0].threshold = 9
  doc.bogus = true
  let error: unknown
  try {
    loadConfig({ path: 'deploy/ferry.yaml', text: stringify(doc), env: {} })
  } catch (caught) {
    error = caught
  }
  expect(error).toBeInstanceOf(ConfigError)
  // CAST: checked just above.
  const configError = error as ConfigError
  expect(configError.file).toBe('deploy/ferry.yaml')
  expect(configError.shortMessage).toBe('Invalid config deploy/ferry.yaml: 5 issues.')
  expect([...configError.lines()].sort()).toEqual(
    [
      'deploy/ferry.yaml: bogus: is not a known field',
      'deploy/ferry.yaml: chains[0].endpoint (hardhat-a): must be an EVM address (0x + 40 hex), checksummed or lower-case',
      'deploy/ferry.yaml: chains[2].name (wasm): duplicates chains[1].name "wasm"',
      'deploy/ferry.yaml: chains[2].gasPrice (wasm): must be a string, not a number',
      'deploy/ferry.yaml: validators[0].threshold (hardhat-a): is 9, but only 2 validator URL(s) are listed',
    ].sort(),
  )
})
