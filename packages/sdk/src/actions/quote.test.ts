import { afterAll, beforeAll, expect, test } from 'vitest'
import { EndpointRevertedError } from '../errors/EndpointRevertedError.js'
import { UnknownChainError } from '../errors/UnknownChainError.js'
import { startWorld, type World } from '../test/world.js'
import { quote } from './quote.js'

let world: World
beforeAll(async () => {
  world = await startWorld()
})
afterAll(() => world?.stop())

test.each([
  ['evm-a', 'evm-b'],
  ['evm-a', 'wasm'],
  ['wasm', 'evm-a'],
] as const)('%s → %s: the breakdown adds up to the endpoint’s quote', async (from, to) => {
  const { client } = world
  for (const ackGasLimit of [0, 50_000]) {
    const quoted = await quote(client, { from, to, bodySize: 64, gasLimit: 200_000, ackGasLimit })
    const { baseFee, gasFee, ackFee, ackFeeConfig } = quoted.breakdown
    expect(quoted.fee).toBeGreaterThan(0n)
    expect(baseFee + gasFee + ackFee).toBe(quoted.fee)
    expect(ackFee > 0n).toBe(ackGasLimit > 0)
    expect(ackFeeConfig === undefined).toBe(ackGasLimit === 0)
    expect(quoted.denom).toBe(from === 'wasm' ? 'ustake' : undefined)
    expect(quoted.validUntil).toBe(quoted.block.timestamp + 60n)
  }
})

test('the body or its size price the same; validFor sets validUntil', async () => {
  const { client } = world
  const body = '0x68656c6c6f' as const
  const [byBody, bySize] = await Promise.all([
    quote(client, { from: 'evm-a', to: 'wasm', body, gasLimit: 100_000, validFor: 5n }),
    quote(client, { from: 'evm-a', to: 'wasm', bodySize: 5, gasLimit: 100_000 }),
  ])
  expect(byBody.fee).toBe(bySize.fee)
  expect(byBody.validUntil).toBe(byBody.block.timestamp + 5n)
})

test('a gas limit above the destination’s maximum is refused by the endpoint, decoded', async () => {
  for (const from of ['evm-a', 'wasm'] as const) {
    const error = await quote(world.client, {
      from,
      to: from === 'wasm' ? 'evm-a' : 'evm-b',
      bodySize: 0,
      gasLimit: 2 ** 32 - 1,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EndpointRevertedError)
    expect(error).toMatchObject({ chain: from, reason: 'gas_limit_too_high' })
  }
})

test('a chain the client does not know is an UnknownChainError', async () => {
  const error = await quote(world.client, {
    // @ts-expect-error: 'nope' is none of the client's chains
    from: 'nope',
    to: 'wasm',
    bodySize: 0,
    gasLimit: 1,
  }).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(UnknownChainError)
})
