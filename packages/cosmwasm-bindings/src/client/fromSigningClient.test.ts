import type { SigningCosmWasmClient } from '@cosmjs/cosmwasm-stargate'
import { describe, expect, expectTypeOf, test } from 'vitest'
import type { EmbeddedChain } from '../embedded/createEmbeddedChain.js'
import { fromSigningClient, type SigningClientLike } from './fromSigningClient.js'
import type { CosmWasmExecutor } from './types.js'

describe('fromSigningClient', () => {
  test('executes with the fee and memo given, and queries with queryContractSmart', async () => {
    const calls: unknown[][] = []
    const client: SigningClientLike = {
      async execute(...args) {
        calls.push(args)
        return {
          logs: [],
          height: 9,
          transactionHash: 'FF',
          events: [],
          gasWanted: 1n,
          gasUsed: 1n,
        }
      },
      async queryContractSmart(...args) {
        calls.push(args)
        return { merkle_count: 1 }
      },
    }
    const executor = fromSigningClient(client, 'wasm1me', { fee: 1.5, memo: 'ferry' })
    const funds = [{ denom: 'ustake', amount: '1' }]
    expect(await executor.execute('wasm1me', 'wasm1c', { pause: {} }, funds)).toEqual({
      transactionHash: 'FF',
      height: 9,
      events: [],
    })
    expect(await executor.query('wasm1c', { merkle_count: {} })).toEqual({ merkle_count: 1 })
    expect(calls).toEqual([
      ['wasm1me', 'wasm1c', { pause: {} }, 1.5, 'ferry', funds],
      ['wasm1c', { merkle_count: {} }],
    ])
    expect(executor.sender).toBe('wasm1me')
  })

  test('types: a SigningCosmWasmClient fits the adapter, an EmbeddedChain is an executor', () => {
    expectTypeOf<SigningCosmWasmClient>().toExtend<SigningClientLike>()
    expectTypeOf<EmbeddedChain>().toExtend<CosmWasmExecutor>()
  })
})
