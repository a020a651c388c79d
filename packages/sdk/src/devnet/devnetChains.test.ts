import { privateKeyToAccount } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import { InvalidDevnetFileError } from '../errors/InvalidDevnetFileError.js'
import { devnetChains } from './devnetChains.js'
import type { DevnetFile } from './devnetFile.js'

const file = (): DevnetFile => ({
  apiUrl: 'http://127.0.0.1:8080',
  chains: [
    {
      kind: 'evm',
      name: 'evm-a',
      domain: 31337,
      chainId: 31337,
      rpcUrl: 'http://127.0.0.1:8545',
      endpoint: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      verifier: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512',
      apps: {},
    },
    {
      kind: 'cosmwasm',
      name: 'wasm',
      domain: 7001,
      chainId: 'ferry-devnet-7001',
      bech32Prefix: 'wasm',
      denom: 'ustake',
      endpoint: 'wasm14hj2tavq8fpesdwxxcu44rty3hh90vhujrvcmstl4zr3txmfvw9s0phg4d',
      apps: {},
      embedded: true,
    },
  ],
  validators: [
    { origin: 31337, url: 'http://127.0.0.1:9101', address: '0x01' },
    { origin: 31337, url: 'http://127.0.0.1:9102', address: '0x02' },
    { origin: 7001, url: 'http://127.0.0.1:9201', address: '0x03' },
  ],
  relayer: { evmAddress: '0x04', cosmwasmAddress: 'wasm1relayer' },
})

describe('devnetChains', () => {
  test('the reachable chains, the API and each origin’s validators; the embedded VM named apart', () => {
    const { chains, apiUrl, validators, unreachable } = devnetChains(file())
    expect(chains.map(({ name, kind }) => [name, kind])).toEqual([['evm-a', 'evm']])
    expect(apiUrl).toBe('http://127.0.0.1:8080')
    expect(validators).toEqual({
      31337: ['http://127.0.0.1:9101', 'http://127.0.0.1:9102'],
      7001: ['http://127.0.0.1:9201'],
    })
    expect(unreachable).toEqual(['wasm'])
  })

  test('a wasmd chain is reached over its RPC URL', () => {
    const withWasmd = file()
    const wasm = withWasmd.chains[1]
    if (wasm?.kind !== 'cosmwasm') throw new Error('the fixture has a CosmWasm chain second')
    const { embedded: _, ...rest } = wasm
    withWasmd.chains[1] = { ...rest, rpcUrl: 'http://127.0.0.1:26657' }
    const { chains, unreachable } = devnetChains(withWasmd)
    expect(chains[1]).toMatchObject({ kind: 'cosmwasm', rpcUrls: ['http://127.0.0.1:26657'] })
    expect(unreachable).toEqual([])
  })

  test('each chain’s interchain-account router, token bridge and HTLC come from its apps', () => {
    const withRouters = file()
    const [evm, wasm] = withRouters.chains
    if (!evm || !wasm) throw new Error('the fixture has two chains')
    evm.apps.interchainAccountRouter = '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0'
    evm.apps.tokenBridge = '0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9'
    evm.apps.htlc = '0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9'
    const { chains } = devnetChains(withRouters)
    expect(chains[0]?.interchainAccountRouter).toBe('0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0')
    expect(chains[0]?.tokenBridge).toBe('0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9')
    expect(chains[0]?.htlc).toBe('0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9')
  })

  test('an account gives every EVM chain a wallet on that chain', () => {
    const account = privateKeyToAccount(`0x${'11'.repeat(32)}`)
    const [evm] = devnetChains(file(), { account }).chains
    if (evm?.kind !== 'evm') throw new Error('the first chain is EVM')
    expect(evm.walletClient?.account?.address).toBe(account.address)
    expect(evm.walletClient?.chain?.id).toBe(31337)
  })

  test.each([
    ['not an object', () => null, 'file'],
    ['no API URL', (f: DevnetFile) => ({ ...f, apiUrl: '' }), 'apiUrl'],
    [
      'an EVM endpoint that is no address',
      (f: DevnetFile) => ({ ...f, chains: [{ ...f.chains[0], endpoint: 'wasm1' }] }),
      'chains[0].endpoint',
    ],
    [
      'an unknown kind',
      (f: DevnetFile) => ({ ...f, chains: [{ ...f.chains[0], kind: 'solana' }] }),
      'chains[0].kind',
    ],
    [
      'an EVM router that is no address',
      (f: DevnetFile) => ({
        ...f,
        chains: [{ ...f.chains[0], apps: { interchainAccountRouter: 'wasm1router' } }],
      }),
      'chains[0].apps.interchainAccountRouter',
    ],
    [
      'an EVM token bridge that is no address',
      (f: DevnetFile) => ({
        ...f,
        chains: [{ ...f.chains[0], apps: { tokenBridge: '0x1234' } }],
      }),
      'chains[0].apps.tokenBridge',
    ],
    [
      'an EVM HTLC that is no address',
      (f: DevnetFile) => ({ ...f, chains: [{ ...f.chains[0], apps: { htlc: 'wasm1htlc' } }] }),
      'chains[0].apps.htlc',
    ],
    [
      'a validator without a URL',
      (f: DevnetFile) => ({ ...f, validators: [{ origin: 1 }] }),
      'validators[0].url',
    ],
  ])('%s fails naming the field', (_name, breakIt, field) => {
    const attempt = () => devnetChains(breakIt(file()), { source: '/tmp/devnet.json' })
    expect(attempt).toThrow(InvalidDevnetFileError)
    try {
      attempt()
    } catch (error) {
      if (!(error instanceof InvalidDevnetFileError)) throw error
      expect(error.field).toBe(field)
      expect(error.code).toBe('invalid_devnet_file')
      expect(error.message).toContain('/tmp/devnet.json')
    }
  })
})
