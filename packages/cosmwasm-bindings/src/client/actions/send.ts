import type { FieldOutOfRangeError, InvalidBytes32Error, InvalidHexError } from '@ferry/protocol'
import { EndpointEventError, type MissingSenderError } from '../../errors/client.js'
import type { EndpointError } from '../../errors/endpointError.js'
import {
  MAX_U32,
  MAX_U64,
  MAX_U128,
  toBase64,
  toBytes32,
  toDecimal,
  toUint,
} from '../../internal/bytes.js'
import { executeEndpoint } from '../../internal/executeEndpoint.js'
import type { BytesInput, Hex } from '../../types.js'
import type {
  CosmWasmExecutor,
  EndpointExecuteParameters,
  EndpointExecuteReturnType,
} from '../types.js'
import { quote } from './quote.js'

export type SendParameters = EndpointExecuteParameters & {
  destination: number
  /** The recipient app on the destination, as bytes32 (`addressToBytes32`). */
  recipient: Hex
  body: BytesInput
  /** Gas the recipient's handler is given at least. */
  gasLimit: number
  /** Gas for the ack's handler back on this chain; 0 (the default) requests no ack. */
  ackGasLimit?: number | undefined
  /** Unix seconds on the destination after which the message times out; 0n (default) never. */
  deadline?: bigint | undefined
  /** Funds to pay with; the endpoint refunds what exceeds the fee. Quoted when absent. */
  fee?: { amount: bigint; denom: string } | undefined
}

export type SendReturnType = EndpointExecuteReturnType & {
  id: Hex
  nonce: bigint
  leafIndex: number
  /** The whole encoded message, all a relayer needs. */
  message: Hex
}

export type SendErrorType =
  | EndpointError
  | EndpointEventError
  | MissingSenderError
  | FieldOutOfRangeError
  | InvalidBytes32Error
  | InvalidHexError

/**
 * Sends a message from the executing app (PROTOCOL §4): the endpoint takes the channel's next
 * nonce, adds the id to its merkle tree, keeps the fee and refunds the rest of the funds. Without
 * `fee`, the action quotes it first and pays exactly that.
 *
 * @example
 * ```ts
 * const { id, nonce, message } = await send(app, {
 *   contract: endpoint,
 *   destination: 1,
 *   recipient: evmAddressToBytes32(evmApp),
 *   body: '0x68656c6c6f',
 *   gasLimit: 200_000,
 * })
 * ```
 */
export async function send(
  executor: CosmWasmExecutor,
  parameters: SendParameters,
): Promise<SendReturnType> {
  const body = toBase64(parameters.body, 'body')
  const ackGasLimit = parameters.ackGasLimit ?? 0
  const fee = parameters.fee ?? (await quoteFee(executor, parameters, ackGasLimit))
  const amount = toDecimal(fee.amount, MAX_U128, 'fee.amount')
  const result = await executeEndpoint(
    executor,
    parameters,
    {
      send: {
        destination: toUint(parameters.destination, MAX_U32, 'destination'),
        recipient: toBytes32(parameters.recipient, 'recipient'),
        body,
        gas_limit: toUint(parameters.gasLimit, MAX_U32, 'gasLimit'),
        ack_gas_limit: toUint(ackGasLimit, MAX_U32, 'ackGasLimit'),
        deadline: toDecimal(parameters.deadline ?? 0n, MAX_U64, 'deadline'),
      },
    },
    fee.amount === 0n ? [] : [{ denom: fee.denom, amount }],
  )
  const sent = result.events.find((event) => event.type === 'messageSent')
  if (sent === undefined)
    throw new EndpointEventError({ event: 'ferry_message_sent', attribute: 'id', value: undefined })
  return {
    ...result,
    id: sent.id,
    nonce: sent.nonce,
    leafIndex: sent.leafIndex,
    message: sent.message,
  }
}

async function quoteFee(
  executor: CosmWasmExecutor,
  parameters: SendParameters,
  ackGasLimit: number,
): Promise<{ amount: bigint; denom: string }> {
  const quoted = await quote(executor, {
    contract: parameters.contract,
    destination: parameters.destination,
    bodyLength: byteLength(parameters.body),
    gasLimit: parameters.gasLimit,
    ackGasLimit,
  })
  return { amount: quoted.fee, denom: quoted.denom }
}

/** Length in bytes of a body `toBase64` accepted. */
function byteLength(body: BytesInput): number {
  return body instanceof Uint8Array ? body.length : (body.length - 2) / 2
}
