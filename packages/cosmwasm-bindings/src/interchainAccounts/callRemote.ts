import type { FieldOutOfRangeError, InvalidHexError, REMOTE_CALL_KINDS } from '@ferry/protocol'
import type { Hex } from 'viem'
import { parseEndpointEvents } from '../client/parseEndpointEvents.js'
import type {
  CosmWasmExecutor,
  EndpointExecuteParameters,
  EndpointExecuteReturnType,
} from '../client/types.js'
import { EndpointEventError, type MissingSenderError } from '../errors/client.js'
import type { EndpointError } from '../errors/endpointError.js'
import {
  MAX_U8,
  MAX_U32,
  MAX_U64,
  MAX_U128,
  toBase64,
  toDecimal,
  toUint,
} from '../internal/bytes.js'
import { executeEndpoint } from '../internal/executeEndpoint.js'
import type { BytesInput } from '../types.js'
import { quoteRemoteCall } from './quoteRemoteCall.js'

export type CallRemoteParameters = EndpointExecuteParameters & {
  destination: number
  /** 1 call (through the caller's account), 2 read: `REMOTE_CALL_KINDS.call` / `.read`. */
  kind: (typeof REMOTE_CALL_KINDS)[keyof typeof REMOTE_CALL_KINDS]
  /** CosmWasm destination: `encodeCosmosPayload(…)`; EVM destination: `abi.encode(Call[])`. */
  payload: BytesInput
  /** Gas the destination router's handler is given. */
  gasLimit: number
  /** Gas for the ack's handler back here (it brings the results); 0 (the default): no results. */
  ackGasLimit?: number | undefined
  /** Unix seconds on the destination after which the call times out; 0n (default) never. */
  deadline?: bigint | undefined
  /** Funds to pay with; the router refunds what exceeds the fee. Quoted when absent. */
  fee?: { amount: bigint; denom: string } | undefined
}

export type CallRemoteReturnType = EndpointExecuteReturnType & {
  // `events`: the endpoint's events of the transaction (the message's `messageSent`).
  id: Hex
  nonce: bigint
  /** The whole encoded message, all a relayer needs. */
  message: Hex
}

export type CallRemoteErrorType =
  | EndpointError
  | EndpointEventError
  | MissingSenderError
  | FieldOutOfRangeError
  | InvalidHexError

/**
 * Calls or reads on another chain through the interchain account router (`call_remote`): the
 * router sends `version | kind | owner | payload` to its peer on `destination`, the owner being
 * the sender; with `ackGasLimit`, the results come back (`remoteResult`; `decodeRemoteResults` from `@ferry/protocol`).
 * Without `fee`, the action quotes it first and pays exactly that.
 *
 * @example
 * ```ts
 * const { id } = await callRemote(executor, {
 *   contract: router,
 *   destination: 7002,
 *   kind: REMOTE_CALL_KINDS.call,
 *   payload: encodeCosmosPayload([{ bank: { send: { to_address: bob, amount: [{ denom: 'ustake', amount: '5' }] } } }]),
 *   gasLimit: 500_000,
 *   ackGasLimit: 200_000,
 * })
 * ```
 */
export async function callRemote(
  executor: CosmWasmExecutor,
  parameters: CallRemoteParameters,
): Promise<CallRemoteReturnType> {
  const payload = toBase64(parameters.payload, 'payload')
  const ackGasLimit = parameters.ackGasLimit ?? 0
  let fee: { amount: bigint; denom: string }
  if (parameters.fee !== undefined) fee = parameters.fee
  else {
    const quoted = await quoteRemoteCall(executor, {
      contract: parameters.contract,
      destination: parameters.destination,
      payload: parameters.payload,
      gasLimit: parameters.gasLimit,
      ackGasLimit,
    })
    fee = { amount: quoted.fee, denom: quoted.denom }
  }
  const amount = toDecimal(fee.amount, MAX_U128, 'fee.amount')
  const result = await executeEndpoint(
    executor,
    parameters,
    {
      call_remote: {
        destination: toUint(parameters.destination, MAX_U32, 'destination'),
        kind: toUint(parameters.kind, MAX_U8, 'kind'),
        payload,
        gas_limit: toUint(parameters.gasLimit, MAX_U32, 'gasLimit'),
        ack_gas_limit: toUint(ackGasLimit, MAX_U32, 'ackGasLimit'),
        deadline: toDecimal(parameters.deadline ?? 0n, MAX_U64, 'deadline'),
      },
    },
    fee.amount === 0n ? [] : [{ denom: fee.denom, amount }],
  )
  // The endpoint's events (the router's own are not Ferry endpoint events).
  const events = parseEndpointEvents(result.outcome.events)
  const sent = events.find((event) => event.type === 'messageSent')
  if (sent === undefined)
    throw new EndpointEventError({ event: 'ferry_message_sent', attribute: 'id', value: undefined })
  return { ...result, events, id: sent.id, nonce: sent.nonce, message: sent.message }
}
