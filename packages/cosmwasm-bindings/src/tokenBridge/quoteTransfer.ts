import type { FieldOutOfRangeError } from '@ferry/protocol'
import type { CosmWasmExecutor, EndpointQueryParameters } from '../client/types.js'
import type { EndpointError } from '../errors/endpointError.js'
import { MAX_U32, MAX_U128, toDecimal, toUint } from '../internal/bytes.js'
import { queryEndpoint } from '../internal/executeEndpoint.js'

export type QuoteTransferParameters = EndpointQueryParameters & {
  destination: number
  /** The amount asked for, in this bridge's token's units. */
  amount: bigint
}
export type QuoteTransferReturnType = {
  /** The Ferry fee, in the endpoint's denom. */
  fee: { denom: string; amount: bigint }
  /** What leaves the sender: `amount` less the dust. */
  sent: bigint
  /** What arrives, in the destination token's units. */
  amountReceived: bigint
  /** What stays with the sender (does not scale to a whole remote unit). */
  dust: bigint
  /** What the route's outbound rate limit lets leave now. */
  available: bigint
}
export type QuoteTransferErrorType = EndpointError | FieldOutOfRangeError

type Answer = {
  fee: { denom: string; amount: string }
  sent: string
  amount_received: string
  dust: string
  available: string
}

/**
 * What `transferRemote` of `amount` costs and delivers (TOKEN §3): the fee, what is taken, what
 * arrives, the dust left with the sender and the outbound headroom. Fails with
 * `token_bridge_unknown_route` when the route is not enabled.
 *
 * @example
 * ```ts
 * const { fee, amountReceived, dust } = await quoteTransfer(executor, { contract: bridge, destination: 31337, amount: 1_234_567n })
 * ```
 */
export async function quoteTransfer(
  executor: CosmWasmExecutor,
  parameters: QuoteTransferParameters,
): Promise<QuoteTransferReturnType> {
  const answer = await queryEndpoint<Answer>(executor, parameters.contract, {
    quote_transfer: {
      destination: toUint(parameters.destination, MAX_U32, 'destination'),
      amount: toDecimal(parameters.amount, MAX_U128, 'amount'),
    },
  })
  return {
    fee: { denom: answer.fee.denom, amount: BigInt(answer.fee.amount) },
    sent: BigInt(answer.sent),
    amountReceived: BigInt(answer.amount_received),
    dust: BigInt(answer.dust),
    available: BigInt(answer.available),
  }
}
