import { remoteCallTargetAbi } from '@ferry/evm-contracts'
import { type Hex, hexToString } from 'viem'
import { expectTypeOf, test } from 'vitest'
import type { FerryClient } from '../client/createFerryClient.js'
import { typeClient as client } from '../test/typeClient.js'
import { callRemote } from './callRemote.js'
import { readRemote } from './readRemote.js'

const address = '0x5FbDB2315678afecb367f032d93F642f64180aa3'

test('EVM results are typed from each call’s ABI, in order', async () => {
  const call = await callRemote(client, {
    from: 'osmosis',
    to: 'base',
    calls: [
      { address, abi: remoteCallTargetAbi, functionName: 'increment', args: [5n] },
      { address, abi: remoteCallTargetAbi, functionName: 'big', args: [3n] },
      { address, abi: remoteCallTargetAbi, functionName: 'setFailing', args: [true] },
    ],
    gasLimit: 300_000,
  })
  expectTypeOf(call.id).toEqualTypeOf<Hex>()
  const [count, data, nothing] = await call.result()
  expectTypeOf(count).toEqualTypeOf<bigint>()
  expectTypeOf(data).toEqualTypeOf<Hex>()
  // A function without outputs: viem's `void`.
  expectTypeOf(nothing).toBeVoid()
})

test('a wrong function name or wrong arguments do not compile', () => {
  callRemote(client, {
    from: 'osmosis',
    to: 'base',
    // @ts-expect-error: the target has no `decrement`
    calls: [{ address, abi: remoteCallTargetAbi, functionName: 'decrement' }],
    gasLimit: 300_000,
  })
  callRemote(client, {
    from: 'osmosis',
    to: 'base',
    // @ts-expect-error: `increment` takes a uint256 (bigint)
    calls: [{ address, abi: remoteCallTargetAbi, functionName: 'increment', args: ['5'] }],
    gasLimit: 300_000,
  })
  callRemote(client, {
    from: 'base',
    // @ts-expect-error: the client has no chain 'solana'
    to: 'solana',
    calls: [],
    gasLimit: 300_000,
  })
})

test('reads take view functions only', () => {
  readRemote(client, {
    from: 'osmosis',
    to: 'base',
    calls: [{ address, abi: remoteCallTargetAbi, functionName: 'count' }],
    gasLimit: 100_000,
  })
  readRemote(client, {
    from: 'osmosis',
    to: 'base',
    // @ts-expect-error: `increment` changes state: not a read
    calls: [{ address, abi: remoteCallTargetAbi, functionName: 'increment', args: [1n] }],
    gasLimit: 100_000,
  })
})

test('CosmWasm results are what each call’s decode returns, hex without one', async () => {
  const call = await callRemote(client, {
    from: 'base',
    to: 'osmosis',
    calls: [
      {
        contract: 'osmo1counter',
        msg: { increment: {} },
        decode: (data: Hex) => hexToString(data),
      },
      { contract: 'osmo1counter', msg: { reset: {} } },
    ],
    gasLimit: 300_000,
  })
  expectTypeOf(await call.result()).toEqualTypeOf<[string, Hex]>()
  callRemote(client, {
    from: 'base',
    to: 'osmosis',
    // @ts-expect-error: a CosmWasm call is { contract, msg }, not an EVM call
    calls: [{ address, abi: remoteCallTargetAbi, functionName: 'count' }],
    gasLimit: 300_000,
  })
})

test('with chains typed only as FerryChain, the calls’ shape types the results', async () => {
  const anyClient = client as FerryClient
  const call = await callRemote(anyClient, {
    from: 'base',
    to: 'somewhere',
    calls: [{ address, abi: remoteCallTargetAbi, functionName: 'count' }],
    gasLimit: 100_000,
  })
  expectTypeOf(await call.result()).toEqualTypeOf<[bigint]>()
})
