import { describe, expect, test } from 'vitest'
import { createEndpointClient } from './createEndpointClient.js'
import type { CosmWasmExecutor, JsonObject } from './types.js'

const contract = 'wasm1endpoint'
const id = `0x${'ab'.repeat(32)}` as const

/** Answers each query with `answer`, recording the message. */
function answering(answer: unknown) {
  const queries: JsonObject[] = []
  const executor: CosmWasmExecutor = {
    execute: () => Promise.reject(new Error('not used')),
    async query(_, msg) {
      queries.push(msg)
      return answer
    },
  }
  return { queries, client: createEndpointClient(executor, contract) }
}

describe('queries (INTERFACE.md "Query")', () => {
  test.each([
    [
      'quote',
      (c: Client) => c.quote({ destination: 1, bodyLength: 5, gasLimit: 100 }),
      { quote: { destination: 1, body_length: 5, gas_limit: 100, ack_gas_limit: 0 } },
      { fee: '340282366920938463463374607431768211455', denom: 'ustake' },
      { fee: 2n ** 128n - 1n, denom: 'ustake' },
    ],
    [
      'messageStatus',
      (c: Client) => c.messageStatus({ message: '0x01' }),
      { message_status: { message: 'AQ==' } },
      { status: 2 },
      2,
    ],
    [
      'storedStatus',
      (c: Client) => c.storedStatus({ id: `0x${'AB'.repeat(32)}` }),
      { stored_status: { id } },
      { status: 1 },
      1,
    ],
    [
      'inboundNonce',
      (c: Client) => c.inboundNonce({ channel: id }),
      { inbound_nonce: { channel: id } },
      { nonce: '18446744073709551615' },
      2n ** 64n - 1n,
    ],
    [
      'outboundNonce',
      (c: Client) => c.outboundNonce({ channel: id }),
      { outbound_nonce: { channel: id } },
      { nonce: '3' },
      3n,
    ],
    ['merkleRoot', (c: Client) => c.merkleRoot(), { merkle_root: {} }, { root: id }, id],
    ['merkleCount', (c: Client) => c.merkleCount(), { merkle_count: {} }, { count: 4 }, 4],
    [
      'latestCheckpoint',
      (c: Client) => c.latestCheckpoint(),
      { latest_checkpoint: {} },
      { root: id, index: 3 },
      { root: id, index: 3 },
    ],
    [
      'config',
      (c: Client) => c.config(),
      { config: {} },
      {
        local_domain: 7001,
        denom: 'ustake',
        owner: 'wasm1o',
        pending_owner: null,
        fee_manager: 'wasm1m',
        fee_collector: 'wasm1c',
        paused: false,
      },
      {
        localDomain: 7001,
        denom: 'ustake',
        owner: 'wasm1o',
        pendingOwner: null,
        feeManager: 'wasm1m',
        feeCollector: 'wasm1c',
        paused: false,
      },
    ],
    [
      'origin',
      (c: Client) => c.origin({ origin: 1 }),
      { origin: { origin: 1 } },
      { origin_endpoint: id, validators: [`0x${'11'.repeat(20)}`], threshold: 1 },
      { originEndpoint: id, validators: [`0x${'11'.repeat(20)}`], threshold: 1 },
    ],
    [
      'feeConfig',
      (c: Client) => c.feeConfig({ domain: 1 }),
      { fee_config: { domain: 1 } },
      {
        base_fee: '10',
        gas_price: '2',
        rate: '1000000000000000000',
        gas_overhead: 5,
        gas_per_byte: 1,
        max_gas_limit: 16_777_216,
      },
      {
        baseFee: 10n,
        gasPrice: 2n,
        rate: 10n ** 18n,
        gasOverhead: 5,
        gasPerByte: 1,
        maxGasLimit: 16_777_216,
      },
    ],
    [
      'appVerifier',
      (c: Client) => c.appVerifier({ app: 'wasm1app', origin: 2 }),
      { app_verifier: { app: 'wasm1app', origin: 2 } },
      { verifier: null },
      null,
    ],
  ])('%s', async (_, call, msg, answer, result) => {
    const { queries, client } = answering(answer)
    expect(await call(client)).toEqual(result)
    expect(queries).toEqual([msg])
  })
})

type Client = ReturnType<typeof answering>['client']
