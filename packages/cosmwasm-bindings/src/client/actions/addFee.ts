import type { FieldOutOfRangeError, InvalidHexError } from '@ferry/protocol'
import { EndpointEventError, type MissingSenderError } from '../../errors/client.js'
import type { EndpointError } from '../../errors/endpointError.js'
import { MAX_U128, toBase64, toDecimal } from '../../internal/bytes.js'
import { executeEndpoint } from '../../internal/executeEndpoint.js'
import type { BytesInput, Hex } from '../../types.js'
import type {
  CosmWasmExecutor,
  EndpointExecuteParameters,
  EndpointExecuteReturnType,
} from '../types.js'

export type AddFeeParameters = EndpointExecuteParameters & {
  /** The whole encoded message, as `send` returned it (its `ferry_message_sent` event). */
  message: BytesInput
  /** The top-up: a positive amount in the endpoint's fee denom, kept whole (no refund). */
  fee: { amount: bigint; denom: string }
}
export type AddFeeReturnType = EndpointExecuteReturnType & {
  /** The message's id. */
  id: Hex
  /** The amount added, as the `ferry_fee_added` event reports it. */
  amount: bigint
}
export type AddFeeErrorType =
  | EndpointError
  | EndpointEventError
  | MissingSenderError
  | InvalidHexError
  | FieldOutOfRangeError

/**
 * Tops up the fee of a message this endpoint sent (PROTOCOL §9), for when its fee no longer
 * covers its delivery; anyone may pay. The endpoint checks the message is one it sent
 * (`MessageNotSentError`, `WrongOriginError`), that the amount is positive (`ZeroFeeError`) and
 * in its denom (`WrongDenomError`), and emits `ferry_fee_added`; relayers add every top-up to
 * the fee paid at send.
 *
 * @example
 * ```ts
 * const { message } = await send(app, { contract: endpoint, destination: 1, recipient, body, gasLimit })
 * await addFee(anyone, { contract: endpoint, message, fee: { amount: 5_000n, denom: 'ustake' } })
 * ```
 */
export async function addFee(
  executor: CosmWasmExecutor,
  parameters: AddFeeParameters,
): Promise<AddFeeReturnType> {
  const amount = toDecimal(parameters.fee.amount, MAX_U128, 'fee.amount')
  const result = await executeEndpoint(
    executor,
    parameters,
    { add_fee: { message: toBase64(parameters.message, 'message') } },
    parameters.fee.amount === 0n ? [] : [{ denom: parameters.fee.denom, amount }],
  )
  const added = result.events.find((event) => event.type === 'feeAdded')
  if (added === undefined)
    throw new EndpointEventError({ event: 'ferry_fee_added', attribute: 'id', value: undefined })
  return { ...result, id: added.id, amount: added.amount }
}
