import { describe, expect, test } from 'vitest'
import { EndpointEventError } from '../errors/client.js'
import { parseEndpointEvents } from './parseEndpointEvents.js'
import type { CosmosEvent } from './types.js'

const id = `0x${'ab'.repeat(32)}`
const other = `0x${'cd'.repeat(32)}`
const event = (
  type: string,
  contract: string,
  attributes: Record<string, string>,
): CosmosEvent => ({
  type,
  attributes: [
    { key: '_contract_address', value: contract },
    ...Object.entries(attributes).map(([key, value]) => ({ key, value })),
  ],
})

describe('parseEndpointEvents', () => {
  const events = [
    event('execute', 'wasm1e', {}),
    event('wasm-ferry_message_sent', 'wasm1e', {
      id,
      destination: '1',
      recipient: other,
      nonce: '18446744073709551615',
      leaf_index: '4',
      message: '0x0102',
    }),
    event('wasm-ferry_message_delivered', 'wasm1e', {
      id,
      origin: '31337',
      sender: other,
      nonce: '2',
      status: '2',
      result: '0x',
    }),
    event('wasm-ferry_message_retried', 'wasm1e', { id, status: '1', result: '0xff' }),
    event('wasm-ferry_message_timed_out', 'wasm1e', { id }),
    event('wasm-ferry_fee_added', 'wasm1e', {
      id,
      amount: '340282366920938463463374607431768211455',
    }),
    event('wasm-ferry_ack_delivered', 'wasm1e', {
      ack_id: other,
      original_id: id,
      original_status: '3',
      status: '1',
    }),
    event('wasm-ferry_paused', 'wasm1e', { by: 'wasm1owner' }),
    event('wasm-ferry_message_timed_out', 'wasm1other', { id }),
    event('transfer', 'wasm1e', {}),
  ]

  test('types each ferry_* event of the endpoint, in order', () => {
    expect(parseEndpointEvents(events, { contract: 'wasm1e' })).toEqual([
      {
        type: 'messageSent',
        contract: 'wasm1e',
        id,
        destination: 1,
        recipient: other,
        nonce: 2n ** 64n - 1n,
        leafIndex: 4,
        message: '0x0102',
      },
      {
        type: 'messageDelivered',
        contract: 'wasm1e',
        id,
        origin: 31337,
        sender: other,
        nonce: 2n,
        status: 2,
        result: '0x',
      },
      { type: 'messageRetried', contract: 'wasm1e', id, status: 1, result: '0xff' },
      { type: 'messageTimedOut', contract: 'wasm1e', id },
      { type: 'feeAdded', contract: 'wasm1e', id, amount: 2n ** 128n - 1n },
      {
        type: 'ackDelivered',
        contract: 'wasm1e',
        ackId: other,
        originalId: id,
        originalStatus: 3,
        status: 1,
      },
      { type: 'admin', contract: 'wasm1e', name: 'ferry_paused', attributes: { by: 'wasm1owner' } },
    ])
  })

  test('without a contract, keeps every endpoint’s events', () => {
    expect(parseEndpointEvents(events).map((parsed) => parsed.contract)).toContain('wasm1other')
  })

  test.each([
    ['a missing attribute', { status: '1', result: '0x' }, 'id'],
    [
      'upper-case hex',
      { id: id.toUpperCase().replace('0X', '0x'), status: '1', result: '0x' },
      'id',
    ],
    ['a status over 3', { id, status: '4', result: '0x' }, 'status'],
    ['a signed number', { id, status: '-1', result: '0x' }, 'status'],
  ])('throws EndpointEventError on %s', (_, attributes, attribute) => {
    const bad = [event('wasm-ferry_message_retried', 'wasm1e', attributes)]
    expect(() => parseEndpointEvents(bad)).toThrow(EndpointEventError)
    expect(() => parseEndpointEvents(bad)).toThrow(expect.objectContaining({ attribute }))
  })
})
