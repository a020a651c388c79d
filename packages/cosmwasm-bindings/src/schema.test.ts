// The JSON schema in schema/ against the messages this client builds: every execute and query
// action's message must validate, and so must sample answers of every query.
import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, test } from 'vitest'
import { createEndpointClient } from './client/createEndpointClient.js'
import type { CosmWasmExecutor, JsonObject } from './client/types.js'

const schema = (name: string) =>
  JSON.parse(readFileSync(new URL(`../schema/${name}.json`, import.meta.url), 'utf8'))
const ajv = new Ajv2020({ strict: true, allErrors: true })
for (const name of ['definitions', 'instantiate', 'execute', 'query', 'responses'])
  ajv.addSchema(schema(name))
const validate = (id: string, value: unknown) => {
  const check = ajv.getSchema(id)
  if (!check) throw new Error(`no schema ${id}`)
  return check(value) ? [] : (check.errors ?? [])
}

const id = `0x${'ab'.repeat(32)}` as const
const validator = `0x${'11'.repeat(20)}` as const
const messages: JsonObject[] = []
const executor: CosmWasmExecutor = {
  sender: 'wasm1owner',
  async execute(_, __, msg) {
    messages.push(msg)
    return {
      transactionHash: '',
      height: 1,
      events: [
        {
          type: 'wasm-ferry_message_sent',
          attributes: [
            ['_contract_address', 'wasm1endpoint'],
            ['id', id],
            ['destination', '1'],
            ['recipient', id],
            ['nonce', '1'],
            ['leaf_index', '0'],
            ['message', '0x01'],
          ].map(([key = '', value = '']) => ({ key, value })),
        },
        {
          type: 'wasm-ferry_fee_added',
          attributes: [
            ['_contract_address', 'wasm1endpoint'],
            ['id', id],
            ['amount', '5'],
          ].map(([key = '', value = '']) => ({ key, value })),
        },
      ],
    }
  },
  async query(_, msg) {
    messages.push(msg)
    // One object with the fields of every answer: this test looks at the messages only.
    return { fee: '1', nonce: '1', base_fee: '1', gas_price: '1', rate: '1' }
  },
}
const client = createEndpointClient(executor, 'wasm1endpoint')
const fee = {
  baseFee: 1n,
  gasPrice: 2n,
  rate: 10n ** 18n,
  gasOverhead: 3,
  gasPerByte: 4,
  maxGasLimit: 5,
}
await client.send({ destination: 1, recipient: id, body: '0x6869', gasLimit: 1, deadline: 9n })
await client.deliver({ message: '0x01', proof: '0x0203' })
await client.deliverBatch({ messages: ['0x01'], proofs: ['0x02'] })
await client.retry({ message: '0x01', gasLimit: 7 })
await client.addFee({ message: '0x01', fee: { amount: 5n, denom: 'ustake' } })
await client.timeout({ message: '0x01' })
await client.setAppVerifier({ origin: 1, verifier: 'wasm1verifier' })
await client.setAppVerifier({ origin: 1, verifier: null })
await client.setOrigin({ origin: 1, originEndpoint: id, validators: [validator], threshold: 1 })
await client.setThreshold({ origin: 1, threshold: 1 })
await client.removeOrigin({ origin: 1 })
await client.setFeeConfig({ domain: 1, config: fee })
await client.removeFeeConfig({ domain: 1 })
await client.withdrawFees({ to: 'wasm1to', amount: 2n ** 128n - 1n })
await client.setFeeManager({ address: 'wasm1fm' })
await client.setFeeCollector({ address: 'wasm1fc' })
await client.pause()
await client.unpause()
await client.transferOwnership({ newOwner: 'wasm1new' })
await client.acceptOwnership()
const executes = messages.splice(0).filter((msg) => !('quote' in msg))
await client.quote({ destination: 1, bodyLength: 2, gasLimit: 3 })
await client.messageStatus({ message: '0x01' })
await client.storedStatus({ id })
await client.inboundNonce({ channel: id })
await client.outboundNonce({ channel: id })
await client.merkleRoot()
await client.merkleCount()
await client.latestCheckpoint()
await client.config()
await client.origin({ origin: 1 })
await client.feeConfig({ domain: 1 })
await client.appVerifier({ app: 'wasm1app', origin: 1 })
const queries = messages.splice(0)

describe('schema/', () => {
  test('the client covers every execute and query variant of the schema', () => {
    const names = (file: string) =>
      schema(file).oneOf.map((variant: { required: string[] }) => variant.required[0])
    expect(new Set(executes.map((msg) => Object.keys(msg)[0]))).toEqual(new Set(names('execute')))
    expect(queries.map((msg) => Object.keys(msg)[0])).toEqual(names('query'))
  })

  test.each(executes.map((msg) => [Object.keys(msg)[0], msg]))('execute %s', (_, msg) => {
    expect(validate('execute.json', msg)).toEqual([])
  })

  test.each(queries.map((msg) => [Object.keys(msg)[0], msg]))('query %s', (_, msg) => {
    expect(validate('query.json', msg)).toEqual([])
  })

  test('instantiate', () => {
    expect(
      validate('instantiate.json', { local_domain: 7001, owner: 'wasm1o', denom: 'u' }),
    ).toEqual([])
  })

  test.each([
    ['quote', { fee: '10', denom: 'ustake' }],
    ['message_status', { status: 3 }],
    ['inbound_nonce', { nonce: '18446744073709551615' }],
    ['latest_checkpoint', { root: id, index: 0 }],
    [
      'config',
      {
        local_domain: 1,
        denom: 'u',
        owner: 'wasm1o',
        pending_owner: null,
        fee_manager: 'wasm1m',
        fee_collector: 'wasm1c',
        paused: true,
      },
    ],
    ['origin', { origin_endpoint: id, validators: [validator], threshold: 1 }],
    [
      'fee_config',
      {
        base_fee: '1',
        gas_price: '1',
        rate: '1',
        gas_overhead: 0,
        gas_per_byte: 0,
        max_gas_limit: 1,
      },
    ],
    ['app_verifier', { verifier: null }],
    ['send_data', { id, nonce: '1' }],
  ])('response %s', (name, answer) => {
    expect(validate(`responses.json#/$defs/${name}`, answer)).toEqual([])
  })

  test.each([
    ['an unknown field', { pause: { now: true } }],
    ['a u64 as a number', { send: { ...sendFields(), deadline: 9 } }],
    ['a u64 with a leading zero', { send: { ...sendFields(), deadline: '09' } }],
    ['a u32 out of range', { remove_origin: { origin: 2 ** 32 } }],
    ['base64 without padding', { retry: { message: 'AQ', gas_limit: 1 } }],
    ['a retry without its gas limit', { retry: { message: 'AQ==' } }],
    ['an add_fee with another field', { add_fee: { message: 'AQ==', amount: '1' } }],
    [
      'max_gas_limit 0',
      {
        set_fee_config: {
          domain: 1,
          config: {
            base_fee: '1',
            gas_price: '1',
            rate: '1',
            gas_overhead: 0,
            gas_per_byte: 0,
            max_gas_limit: 0,
          },
        },
      },
    ],
    [
      'a short id',
      { set_origin: { origin: 1, origin_endpoint: '0x01', validators: [validator], threshold: 1 } },
    ],
    ['threshold 0', { set_threshold: { origin: 1, threshold: 0 } }],
    ['two variants at once', { pause: {}, unpause: {} }],
  ])('rejects %s', (_, msg) => {
    expect(validate('execute.json', msg)).not.toEqual([])
  })
})

function sendFields() {
  return { destination: 1, recipient: id, body: '', gas_limit: 1, ack_gas_limit: 0, deadline: '0' }
}
