import { describe, expect, expectTypeOf, test } from 'vitest'
import { MissingSenderError } from '../errors/client.js'
import { createEndpointClient } from './createEndpointClient.js'
import type { Coin, CosmWasmExecutor, JsonObject } from './types.js'

const contract = 'wasm1endpoint'
const id = `0x${'ab'.repeat(32)}` as const
const validator = `0x${'11'.repeat(20)}` as const

/** Records what the client asks of the chain and answers queries from `answers`. */
function recorder(answers: Record<string, unknown> = {}) {
  const calls: { sender?: string; contract: string; msg: JsonObject; funds?: readonly Coin[] }[] =
    []
  const executor: CosmWasmExecutor = {
    sender: 'wasm1owner',
    async execute(sender, contract, msg, funds) {
      calls.push({ sender, contract, msg, ...(funds ? { funds } : {}) })
      return { transactionHash: 'AB', height: 7, events: [] }
    },
    async query(contract, msg) {
      calls.push({ contract, msg })
      return answers[Object.keys(msg)[0] ?? '']
    },
  }
  return { calls, client: createEndpointClient(executor, contract) }
}

describe('execute messages (INTERFACE.md "Execute")', () => {
  test.each([
    [
      'deliver',
      (c: Client) => c.deliver({ message: '0x0102', proof: new Uint8Array([255]) }),
      { deliver: { message: 'AQI=', proof: '/w==' } },
    ],
    [
      'deliverBatch',
      (c: Client) => c.deliverBatch({ messages: ['0x01', '0x02'], proofs: ['0x03', '0x'] }),
      { deliver_batch: { messages: ['AQ==', 'Ag=='], proofs: ['Aw==', ''] } },
    ],
    [
      'retry',
      (c: Client) => c.retry({ message: '0xFF', gasLimit: 300_000 }),
      { retry: { message: '/w==', gas_limit: 300_000 } },
    ],
    ['timeout', (c: Client) => c.timeout({ message: '0x00' }), { timeout: { message: 'AA==' } }],
    [
      'setAppVerifier',
      (c: Client) => c.setAppVerifier({ origin: 1, verifier: null }),
      { set_app_verifier: { origin: 1, verifier: null } },
    ],
    [
      'setOrigin',
      (c: Client) =>
        c.setOrigin({
          origin: 31337,
          originEndpoint: `0x${'AB'.repeat(32)}`,
          validators: [`0x${'AA'.repeat(20)}`, validator],
          threshold: 2,
        }),
      {
        set_origin: {
          origin: 31337,
          origin_endpoint: id,
          validators: [`0x${'aa'.repeat(20)}`, validator],
          threshold: 2,
        },
      },
    ],
    [
      'setThreshold',
      (c: Client) => c.setThreshold({ origin: 1, threshold: 3 }),
      { set_threshold: { origin: 1, threshold: 3 } },
    ],
    [
      'removeOrigin',
      (c: Client) => c.removeOrigin({ origin: 9 }),
      { remove_origin: { origin: 9 } },
    ],
    [
      'setFeeConfig',
      (c: Client) =>
        c.setFeeConfig({
          domain: 1,
          config: {
            baseFee: 2n ** 100n,
            gasPrice: 7n,
            rate: 10n ** 18n,
            gasOverhead: 50_000,
            gasPerByte: 16,
            maxGasLimit: 16_777_216,
          },
        }),
      {
        set_fee_config: {
          domain: 1,
          config: {
            base_fee: '1267650600228229401496703205376',
            gas_price: '7',
            rate: '1000000000000000000',
            gas_overhead: 50000,
            gas_per_byte: 16,
            max_gas_limit: 16_777_216,
          },
        },
      },
    ],
    [
      'removeFeeConfig',
      (c: Client) => c.removeFeeConfig({ domain: 1 }),
      { remove_fee_config: { domain: 1 } },
    ],
    [
      'withdrawFees',
      (c: Client) => c.withdrawFees({ to: 'wasm1to', amount: 5n }),
      { withdraw_fees: { to: 'wasm1to', amount: '5' } },
    ],
    [
      'setFeeManager',
      (c: Client) => c.setFeeManager({ address: 'wasm1fm' }),
      { set_fee_manager: { address: 'wasm1fm' } },
    ],
    [
      'setFeeCollector',
      (c: Client) => c.setFeeCollector({ address: 'wasm1fc' }),
      { set_fee_collector: { address: 'wasm1fc' } },
    ],
    ['pause', (c: Client) => c.pause(), { pause: {} }],
    ['unpause', (c: Client) => c.unpause(), { unpause: {} }],
    [
      'transferOwnership',
      (c: Client) => c.transferOwnership({ newOwner: 'wasm1new' }),
      { transfer_ownership: { new_owner: 'wasm1new' } },
    ],
    [
      'acceptOwnership',
      (c: Client) => c.acceptOwnership({ sender: 'wasm1new' }),
      { accept_ownership: {} },
    ],
  ])('%s', async (_, call, msg) => {
    const { calls, client } = recorder()
    const result = await call(client)
    expect(calls).toEqual([{ sender: expect.any(String), contract, msg }])
    expect(result).toMatchObject({ transactionHash: 'AB', height: 7, events: [] })
  })

  test('the sender parameter overrides the executor’s', async () => {
    const { calls, client } = recorder()
    await client.acceptOwnership({ sender: 'wasm1new' })
    await client.pause()
    expect(calls.map((call) => call.sender)).toEqual(['wasm1new', 'wasm1owner'])
  })

  test('without any sender the action throws MissingSenderError', async () => {
    const { client } = recorder()
    const executor = { ...client.executor, sender: undefined }
    const bare = createEndpointClient(executor, contract)
    await expect(bare.pause()).rejects.toBeInstanceOf(MissingSenderError)
  })

  test.each([
    [
      'a u32 over range',
      (c: Client) => c.removeOrigin({ origin: 2 ** 32 }),
      'FieldOutOfRangeError',
    ],
    ['a fraction', (c: Client) => c.removeOrigin({ origin: 1.5 }), 'FieldOutOfRangeError'],
    [
      'a u8 over range',
      (c: Client) => c.setThreshold({ origin: 1, threshold: 256 }),
      'FieldOutOfRangeError',
    ],
    [
      'a negative u128',
      (c: Client) => c.withdrawFees({ to: 'a', amount: -1n }),
      'FieldOutOfRangeError',
    ],
    ['odd hex', (c: Client) => c.retry({ message: '0x123', gasLimit: 1 }), 'InvalidHexError'],
    [
      'a gas limit over u32',
      (c: Client) => c.retry({ message: '0x01', gasLimit: 2 ** 32 }),
      'FieldOutOfRangeError',
    ],
    [
      'a short bytes32',
      (c: Client) =>
        c.setOrigin({ origin: 1, originEndpoint: '0x12', validators: [], threshold: 1 }),
      'InvalidBytes32Error',
    ],
    [
      'a 32-byte validator',
      (c: Client) => c.setOrigin({ origin: 1, originEndpoint: id, validators: [id], threshold: 1 }),
      'InvalidHexError',
    ],
  ])('rejects %s before executing', async (_, call, name) => {
    const { calls, client } = recorder()
    await expect(call(client)).rejects.toMatchObject({ name })
    expect(calls).toEqual([])
  })
})

describe('EndpointClient', () => {
  test('holds its executor and contract; each method is its action without them', () => {
    const { client } = recorder()
    expect(client.contract).toBe(contract)
    expect(typeof client.executor.execute).toBe('function')
    // Parameters are optional only where nothing but `sender` is left.
    expectTypeOf(client.pause)
      .parameter(0)
      .toEqualTypeOf<{ sender?: string | undefined } | undefined>()
    expectTypeOf(client.merkleRoot).toBeCallableWith()
    // @ts-expect-error deliver needs its message and proof
    expectTypeOf(client.deliver).toBeCallableWith()
    expectTypeOf(client.quote).returns.resolves.toEqualTypeOf<{ fee: bigint; denom: string }>()
  })
})

type Client = ReturnType<typeof recorder>['client']
