import { describe, expect, test } from 'vitest'
import { EndpointEventError } from '../../errors/client.js'
import type { CosmosEvent, CosmWasmExecutor, JsonObject } from '../types.js'
import { send } from './send.js'

const contract = 'wasm1endpoint'
const recipient = `0x${'00'.repeat(12)}${'22'.repeat(20)}` as const
const id = `0x${'ab'.repeat(32)}` as const
const sent: CosmosEvent = {
  type: 'wasm-ferry_message_sent',
  attributes: [
    { key: '_contract_address', value: contract },
    { key: 'id', value: id },
    { key: 'destination', value: '1' },
    { key: 'recipient', value: recipient },
    { key: 'nonce', value: '1' },
    { key: 'leaf_index', value: '0' },
    { key: 'message', value: '0x01' },
  ],
}

function chain(events: CosmosEvent[] = [sent]) {
  const calls: { msg: JsonObject; funds?: unknown }[] = []
  const executor: CosmWasmExecutor = {
    sender: 'wasm1app',
    async execute(_, __, msg, funds) {
      calls.push({ msg, funds })
      return { transactionHash: 'AB', height: 3, events }
    },
    async query(_, msg) {
      calls.push({ msg })
      return { fee: '1500', denom: 'ustake' }
    },
  }
  return { calls, executor }
}

describe('send', () => {
  test('quotes the fee when none is given, pays it, and returns the sent message', async () => {
    const { calls, executor } = chain()
    const result = await send(executor, {
      contract,
      destination: 1,
      recipient,
      body: new TextEncoder().encode('héllo'),
      gasLimit: 100_000,
      ackGasLimit: 50_000,
      deadline: 1_900_000_000n,
    })
    expect(calls).toEqual([
      {
        msg: {
          quote: { destination: 1, body_length: 6, gas_limit: 100_000, ack_gas_limit: 50_000 },
        },
      },
      {
        msg: {
          send: {
            destination: 1,
            recipient,
            body: 'aMOpbGxv',
            gas_limit: 100_000,
            ack_gas_limit: 50_000,
            deadline: '1900000000',
          },
        },
        funds: [{ denom: 'ustake', amount: '1500' }],
      },
    ])
    expect(result).toMatchObject({ id, nonce: 1n, leafIndex: 0, message: '0x01', height: 3 })
  })

  test('pays the given fee without quoting; a zero fee sends no funds', async () => {
    const { calls, executor } = chain()
    const params = { contract, destination: 1, recipient, body: '0x', gasLimit: 1 } as const
    await send(executor, { ...params, fee: { amount: 9n, denom: 'uatom' } })
    await send(executor, { ...params, fee: { amount: 0n, denom: 'uatom' } })
    expect(calls.map((call) => call.funds)).toEqual([[{ denom: 'uatom', amount: '9' }], []])
    expect(calls[0]?.msg).toMatchObject({ send: { body: '', ack_gas_limit: 0, deadline: '0' } })
  })

  test('throws EndpointEventError when the endpoint emitted no ferry_message_sent', async () => {
    const { executor } = chain([])
    await expect(
      send(executor, {
        contract,
        destination: 1,
        recipient,
        body: '0x',
        gasLimit: 1,
        fee: { amount: 0n, denom: 'u' },
      }),
    ).rejects.toBeInstanceOf(EndpointEventError)
  })
})
