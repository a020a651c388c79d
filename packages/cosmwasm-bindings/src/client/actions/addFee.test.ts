import { describe, expect, test } from 'vitest'
import { EndpointEventError } from '../../errors/client.js'
import type { CosmosEvent, CosmWasmExecutor, JsonObject } from '../types.js'
import { addFee } from './addFee.js'

const contract = 'wasm1endpoint'
const id = `0x${'ab'.repeat(32)}` as const
const added: CosmosEvent = {
  type: 'wasm-ferry_fee_added',
  attributes: [
    { key: '_contract_address', value: contract },
    { key: 'id', value: id },
    { key: 'amount', value: '5000' },
  ],
}

function chain(events: CosmosEvent[] = [added]) {
  const calls: { msg: JsonObject; funds?: unknown }[] = []
  const executor: CosmWasmExecutor = {
    sender: 'wasm1payer',
    async execute(_, __, msg, funds) {
      calls.push({ msg, funds })
      return { transactionHash: 'AB', height: 3, events }
    },
    async query() {
      throw new Error('addFee queries nothing')
    },
  }
  return { calls, executor }
}

describe('addFee', () => {
  test('sends the message with the funds and returns the feeAdded event’s id and amount', async () => {
    const { calls, executor } = chain()
    const result = await addFee(executor, {
      contract,
      message: '0x0102',
      fee: { amount: 5_000n, denom: 'ustake' },
    })
    expect(calls).toEqual([
      {
        msg: { add_fee: { message: 'AQI=' } },
        funds: [{ denom: 'ustake', amount: '5000' }],
      },
    ])
    expect(result).toMatchObject({ id, amount: 5_000n, transactionHash: 'AB', height: 3 })
  })

  test('a zero amount attaches no coin (the endpoint answers zero_fee)', async () => {
    const { calls, executor } = chain()
    await addFee(executor, { contract, message: '0x01', fee: { amount: 0n, denom: 'ustake' } })
    expect(calls[0]?.funds).toEqual([])
  })

  test('throws EndpointEventError when the endpoint emitted no ferry_fee_added', async () => {
    const { executor } = chain([])
    await expect(
      addFee(executor, { contract, message: '0x01', fee: { amount: 1n, denom: 'ustake' } }),
    ).rejects.toBeInstanceOf(EndpointEventError)
  })
})
