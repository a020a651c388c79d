import type { SigningCosmWasmClient } from '@cosmjs/cosmwasm-stargate'
import { describe, expect, expectTypeOf, test } from 'vitest'
import type { EmbeddedChain } from '../embedded/createEmbeddedChain.js'
import { deployEndpoint } from './deployEndpoint.js'
import {
  type DeployerSigningClientLike,
  deployerFromSigningClient,
} from './deployerFromSigningClient.js'
import type { CosmWasmDeployer } from './types.js'

/** A stand-in client that records its calls and answers as a node would. */
function fakeClient() {
  const calls: unknown[][] = []
  const tx = { logs: [], height: 9, transactionHash: 'FF', events: [], gasWanted: 1n, gasUsed: 1n }
  const client: DeployerSigningClientLike = {
    async execute(...args) {
      calls.push(['execute', ...args])
      return tx
    },
    async queryContractSmart(...args) {
      calls.push(['query', ...args])
      return {}
    },
    async upload(...args) {
      calls.push(['upload', args[0], args[1].length, ...args.slice(2)])
      return { ...tx, checksum: '00', originalSize: 1, compressedSize: 1, codeId: 42 }
    },
    async instantiate(...args) {
      calls.push(['instantiate', ...args])
      return { ...tx, contractAddress: `wasm1contract${args[1]}` }
    },
  }
  return { client, calls }
}

describe('deployerFromSigningClient', () => {
  test('uploads and instantiates with the fee and memo given; executes as fromSigningClient', async () => {
    const { client, calls } = fakeClient()
    const deployer = deployerFromSigningClient(client, 'wasm1me', { fee: 1.5, memo: 'ferry' })
    expect(deployer.sender).toBe('wasm1me')
    expect(await deployer.storeCode('wasm1you', new Uint8Array(3))).toBe(42)
    expect(await deployer.instantiate('wasm1you', 42, { a: 1 }, { label: 'app' })).toMatchObject({
      contractAddress: 'wasm1contract42',
    })
    await deployer.execute('wasm1me', 'wasm1c', { pause: {} })
    expect(calls).toEqual([
      ['upload', 'wasm1you', 3, 1.5, 'ferry'],
      ['instantiate', 'wasm1you', 42, { a: 1 }, 'app', 1.5, { memo: 'ferry' }],
      ['execute', 'wasm1me', 'wasm1c', { pause: {} }, 1.5, 'ferry', undefined],
    ])
  })

  test('the testing helpers deploy through it, storing each code once per deployer', async () => {
    const { client, calls } = fakeClient()
    const deployer = deployerFromSigningClient(client, 'wasm1me')
    const owner = 'wasm1owner'
    await deployEndpoint(deployer, { domain: 7001, owner, denom: 'stake' })
    await deployEndpoint(deployer, { domain: 7002, owner, denom: 'stake' })
    expect(calls.map(([call]) => call)).toEqual(['upload', 'instantiate', 'instantiate'])
    expect(calls[2]).toEqual([
      'instantiate',
      owner,
      42,
      { local_domain: 7002, owner, denom: 'stake' },
      'ferry endpoint 7002',
      'auto',
      { memo: '' },
    ])
  })

  test('types: a SigningCosmWasmClient fits the adapter, an EmbeddedChain is a deployer', () => {
    expectTypeOf<SigningCosmWasmClient>().toExtend<DeployerSigningClientLike>()
    expectTypeOf<EmbeddedChain>().toExtend<CosmWasmDeployer>()
  })
})
