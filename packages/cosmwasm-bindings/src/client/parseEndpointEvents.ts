import type { MessageStatus } from '@ferry/protocol'
import { EndpointEventError } from '../errors/client.js'
import type { Hex } from '../types.js'
import type { CosmosEvent } from './types.js'

type Common = { contract: string }

/** An endpoint event (PROTOCOL §11), its attributes typed; admin changes keep theirs as text. */
export type EndpointEvent = Common &
  (
    | {
        type: 'messageSent'
        id: Hex
        destination: number
        recipient: Hex
        nonce: bigint
        leafIndex: number
        message: Hex
      }
    | {
        type: 'messageDelivered'
        id: Hex
        origin: number
        sender: Hex
        nonce: bigint
        status: MessageStatus
        result: Hex
      }
    | { type: 'messageRetried'; id: Hex; status: MessageStatus; result: Hex }
    | { type: 'messageTimedOut'; id: Hex }
    | { type: 'feeAdded'; id: Hex; amount: bigint }
    | {
        type: 'ackDelivered'
        ackId: Hex
        originalId: Hex
        originalStatus: MessageStatus
        status: MessageStatus
      }
    | { type: 'admin'; name: string; attributes: Readonly<Record<string, string>> }
  )

export type ParseEndpointEventsParameters = {
  /** Keep only the events of this endpoint contract (a transaction may touch several). */
  contract?: string | undefined
}
export type ParseEndpointEventsReturnType = EndpointEvent[]
export type ParseEndpointEventsErrorType = EndpointEventError

const PREFIX = /^(?:wasm-)?(ferry_[a-z0-9_]+)$/
const HEX = /^0x(?:[0-9a-f]{2})*$/

/**
 * The endpoint's events among a transaction's Cosmos events (`wasm-ferry_message_sent`, …),
 * in order, with bytes as `0x` hex, u64 as bigint and statuses as numbers.
 *
 * @example
 * ```ts
 * const { events } = await chain.execute(relayer, endpoint, { deliver: { message, proof } })
 * for (const event of parseEndpointEvents(events, { contract: endpoint }))
 *   if (event.type === 'messageDelivered') console.log(event.id, event.status)
 * ```
 */
export function parseEndpointEvents(
  events: readonly CosmosEvent[],
  { contract }: ParseEndpointEventsParameters = {},
): ParseEndpointEventsReturnType {
  const parsed: EndpointEvent[] = []
  for (const event of events) {
    const name = PREFIX.exec(event.type)?.[1]
    if (name === undefined) continue
    const attributes = Object.fromEntries(event.attributes.map(({ key, value }) => [key, value]))
    const source = attributes._contract_address ?? ''
    if (contract !== undefined && source !== contract) continue
    parsed.push(parseEvent(name, attributes, source))
  }
  return parsed
}

function parseEvent(
  name: string,
  attributes: Record<string, string>,
  contract: string,
): EndpointEvent {
  const read = (key: string): string => {
    const value = attributes[key]
    if (value === undefined) throw new EndpointEventError({ event: name, attribute: key, value })
    return value
  }
  const hex = (key: string): Hex => {
    const value = read(key)
    if (!HEX.test(value)) throw new EndpointEventError({ event: name, attribute: key, value })
    // CAST: the regex above proved the shape.
    return value as Hex
  }
  const integer = (key: string): bigint => {
    const value = read(key)
    if (!/^(?:0|[1-9][0-9]*)$/.test(value))
      throw new EndpointEventError({ event: name, attribute: key, value })
    return BigInt(value)
  }
  const number = (key: string) => Number(integer(key))
  const status = (key: string): MessageStatus => {
    const value = number(key)
    if (value > 3) throw new EndpointEventError({ event: name, attribute: key, value })
    // CAST: checked to be 0..3 just above.
    return value as MessageStatus
  }
  switch (name) {
    case 'ferry_message_sent':
      return {
        type: 'messageSent',
        contract,
        id: hex('id'),
        destination: number('destination'),
        recipient: hex('recipient'),
        nonce: integer('nonce'),
        leafIndex: number('leaf_index'),
        message: hex('message'),
      }
    case 'ferry_message_delivered':
      return {
        type: 'messageDelivered',
        contract,
        id: hex('id'),
        origin: number('origin'),
        sender: hex('sender'),
        nonce: integer('nonce'),
        status: status('status'),
        result: hex('result'),
      }
    case 'ferry_message_retried':
      return {
        type: 'messageRetried',
        contract,
        id: hex('id'),
        status: status('status'),
        result: hex('result'),
      }
    case 'ferry_message_timed_out':
      return { type: 'messageTimedOut', contract, id: hex('id') }
    case 'ferry_fee_added':
      return { type: 'feeAdded', contract, id: hex('id'), amount: integer('amount') }
    case 'ferry_ack_delivered':
      return {
        type: 'ackDelivered',
        contract,
        ackId: hex('ack_id'),
        originalId: hex('original_id'),
        originalStatus: status('original_status'),
        status: status('status'),
      }
    default: {
      const { _contract_address: _, ...rest } = attributes
      return { type: 'admin', contract, name, attributes: rest }
    }
  }
}
