import { loadConfig } from '@ferry/relayer'
import { testValidatorKeys } from '@ferry/testkit'
import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { type DevnetConfigChain, type DevnetValidator, toDevnetConfig } from './toDevnetConfig.js'

const evm = (name: string, domain: number): DevnetConfigChain => ({
  kind: 'evm',
  name,
  domain,
  rpcUrl: `http://127.0.0.1:${domain}`,
  endpoint: '0x5fbdb2315678afecb367f032d93f642f64180aa3',
})
const wasm = (
  node: Extract<DevnetConfigChain, { kind: 'cosmwasm' }>['node'],
): DevnetConfigChain => ({
  kind: 'cosmwasm',
  name: 'wasm',
  domain: 7001,
  chainId: 'ferry-devnet-7001',
  endpoint: 'wasm1kpjz6jsyxg0wd5r5hhyquawgt3zva34mu48mhj',
  node,
})
const world = (
  wasmChain: DevnetConfigChain,
  minimumFee?: Readonly<Record<string, bigint>>,
  corsOrigins?: readonly string[],
) => {
  const chains = [evm('evm-a', 31337), evm('evm-b', 31338), wasmChain]
  let port = 9100
  const validators: DevnetValidator[] = chains.flatMap((chain) =>
    testValidatorKeys(chain.domain, 3).map((privateKey) => ({
      origin: chain.domain,
      privateKey,
      port: port++,
    })),
  )
  return toDevnetConfig({
    chains,
    validators,
    threshold: 2,
    apiPort: 8080,
    minimumFee,
    corsOrigins,
  })
}

describe('toDevnetConfig', () => {
  it('writes a relayer config that loadConfig accepts: every chain, 2-of-3 per origin, the API', () => {
    const config = world(wasm({ type: 'embedded' }))
    const loaded = loadConfig({ text: stringify(config.relayer), env: {} })
    expect(loaded.chains.map((chain) => [chain.name, chain.domain])).toEqual([
      ['evm-a', 31337],
      ['evm-b', 31338],
      ['wasm', 7001],
    ])
    expect(loaded.validators.map((set) => [set.origin, set.threshold, set.urls.length])).toEqual([
      ['evm-a', 2, 3],
      ['evm-b', 2, 3],
      ['wasm', 2, 3],
    ])
    expect(loaded.relayer?.api).toMatchObject({
      enabled: true,
      port: 8080,
      cors: { allowedOrigins: [] },
    })
    expect(loaded.relayer?.routes).toBe('all')
    expect(loaded.store.kind).toBe('memory')
    // Keys are named, never written; devnet.env holds them.
    expect(JSON.stringify(config.relayer)).not.toContain(config.env.FERRY_DEVNET_RELAYER_KEY)
    for (const chain of loaded.chains) expect(chain.signer).toMatchObject({ source: 'env' })
    expect(Object.keys(config.env)).toHaveLength(2 + 9)
  })

  it("lets the explorer's origin read the API (CORS) when given one", () => {
    const config = world(wasm({ type: 'embedded' }), undefined, ['http://127.0.0.1:8081'])
    const loaded = loadConfig({ text: stringify(config.relayer), env: {} })
    expect(loaded.relayer?.api.cors.allowedOrigins).toEqual(['http://127.0.0.1:8081'])
  })

  it('writes one validator config per validator, each loading with its origin and its key variable', () => {
    const config = world(wasm({ type: 'embedded' }))
    expect(config.validators.map((v) => v.name)).toEqual([
      'evm-a-1',
      'evm-a-2',
      'evm-a-3',
      'evm-b-1',
      'evm-b-2',
      'evm-b-3',
      'wasm-1',
      'wasm-2',
      'wasm-3',
    ])
    for (const { name, config: file, url } of config.validators) {
      const loaded = loadConfig({ text: stringify(file), env: {} })
      expect(loaded.chains).toHaveLength(1)
      expect(loaded.validator?.origin).toBe(loaded.chains[0]?.name)
      expect(`http://127.0.0.1:${loaded.validator?.listen.port}`).toBe(url)
      const signer = loaded.validator?.signer
      if (signer?.source !== 'env') throw new Error(`${name}: no env signer`)
      expect(config.env[signer.env]).toMatch(/^0x[0-9a-f]{64}$/)
    }
  })

  it('names the embedded chain embedded://<chain id> and a wasmd node by its RPC URL', () => {
    const rpcUrlsOf = (config: ReturnType<typeof world>) =>
      loadConfig({ text: stringify(config.relayer), env: {} }).chains.find(
        (chain) => chain.kind === 'cosmwasm',
      )
    expect(rpcUrlsOf(world(wasm({ type: 'embedded' })))).toMatchObject({
      rpcUrls: ['embedded://ferry-devnet-7001'],
    })
    expect(
      rpcUrlsOf(
        world(wasm({ type: 'wasmd', rpcUrl: 'http://127.0.0.1:26657', gasPrice: '0.01ustake' })),
      ),
    ).toMatchObject({ rpcUrls: ['http://127.0.0.1:26657'], gasPrice: '0.01ustake' })
  })

  it('asks no fee by default, and a minimum per origin when given one, exact beyond 2^53', () => {
    const policyOf = (config: ReturnType<typeof world>) =>
      loadConfig({ text: stringify(config.relayer), env: {} }).relayer?.feePolicy
    expect(policyOf(world(wasm({ type: 'embedded' })))).toEqual({ kind: 'none' })
    expect(
      policyOf(world(wasm({ type: 'embedded' }), { 'evm-a': 10n ** 18n + 1n, wasm: 5n })),
    ).toEqual({ kind: 'minimum', minimumFee: { 'evm-a': 10n ** 18n + 1n, wasm: 5n } })
  })
})
