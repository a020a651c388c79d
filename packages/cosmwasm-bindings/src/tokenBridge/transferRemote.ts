import {
  addressToBytes32,
  type FieldOutOfRangeError,
  type InvalidBytes32Error,
} from '@ferry/protocol'
import type { Hex } from 'viem'
import { parseEndpointEvents } from '../client/parseEndpointEvents.js'
import type {
  Coin,
  CosmWasmExecutor,
  EndpointExecuteParameters,
  EndpointExecuteReturnType,
} from '../client/types.js'
import { EndpointEventError, type MissingSenderError } from '../errors/client.js'
import type { EndpointError } from '../errors/endpointError.js'
import { MAX_U32, MAX_U128, toBytes32, toDecimal, toUint } from '../internal/bytes.js'
import { executeEndpoint } from '../internal/executeEndpoint.js'
import { quoteTransfer } from './quoteTransfer.js'
import { tokenBridgeConfig } from './tokenBridgeConfig.js'

export type TransferRemoteParameters = EndpointExecuteParameters & {
  destination: number
  /**
   * The recipient on `destination`: its 32 bytes (PROTOCOL §2), an EVM address, or a bech32
   * address (its data bytes, left-padded).
   */
  recipient: string
  /** In this bridge's token's units; the dust that does not scale stays with the sender. */
  amount: bigint
  /**
   * What to pay with; the bridge refunds the excess. Quoted when absent: the fee, plus `sent` of
   * the bridged denom for a native bridge.
   */
  funds?: readonly Coin[] | undefined
}

export type TransferRemoteReturnType = EndpointExecuteReturnType & {
  id: Hex
  nonce: bigint
  /** The whole encoded message, all a relayer needs. */
  message: Hex
  /** What left the sender, in this token's units. */
  sent: bigint
  /** What arrives, in the destination token's units. */
  amountReceived: bigint
}

export type TransferRemoteErrorType =
  | EndpointError
  | EndpointEventError
  | MissingSenderError
  | FieldOutOfRangeError
  | InvalidBytes32Error

/** The recipient as the body's 32 bytes. */
function recipient32(recipient: string): Hex {
  return recipient.startsWith('0x') && recipient.length === 66
    ? // CAST: toBytes32 checks the shape and throws a named error otherwise.
      toBytes32(recipient as Hex, 'recipient')
    : addressToBytes32(recipient)
}

/**
 * Sends `amount` of the bridge's token to `recipient` on `destination` (`transfer_remote`,
 * TOKEN §3–5): a native bridge locks the bank funds sent with it, a synthetic one burns the
 * sender's balance. Refused with a named error on this chain, nothing taken, when paused, over
 * the outbound rate limit, beyond the destination's collateral (synthetic) or all dust.
 *
 * @example
 * ```ts
 * const { id, amountReceived } = await transferRemote(executor, {
 *   contract: bridge,
 *   destination: 31337,
 *   recipient: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
 *   amount: 1_000_000n,
 * })
 * ```
 */
export async function transferRemote(
  executor: CosmWasmExecutor,
  parameters: TransferRemoteParameters,
): Promise<TransferRemoteReturnType> {
  const msg = {
    transfer_remote: {
      destination: toUint(parameters.destination, MAX_U32, 'destination'),
      recipient: recipient32(parameters.recipient),
      amount: toDecimal(parameters.amount, MAX_U128, 'amount'),
    },
  }
  const funds = parameters.funds ?? (await quotedFunds(executor, parameters))
  const result = await executeEndpoint(executor, parameters, msg, funds)
  const events = parseEndpointEvents(result.outcome.events)
  const sent = events.find((event) => event.type === 'messageSent')
  if (sent === undefined)
    throw new EndpointEventError({ event: 'ferry_message_sent', attribute: 'id', value: undefined })
  const transfer = result.outcome.events.find((event) => event.type === 'wasm-transfer_sent')
  const attribute = (key: string) => transfer?.attributes.find((a) => a.key === key)?.value
  const [amount, received] = [attribute('sent'), attribute('amount_received')]
  if (amount === undefined || received === undefined)
    throw new EndpointEventError({ event: 'transfer_sent', attribute: 'sent', value: amount })
  return {
    ...result,
    events,
    id: sent.id,
    nonce: sent.nonce,
    message: sent.message,
    sent: BigInt(amount),
    amountReceived: BigInt(received),
  }
}

/** The quoted fee, and `sent` of the bridged denom for a native bridge, one coin per denom. */
async function quotedFunds(
  executor: CosmWasmExecutor,
  { contract, destination, amount }: TransferRemoteParameters,
): Promise<Coin[]> {
  const [quote, config] = await Promise.all([
    quoteTransfer(executor, { contract, destination, amount }),
    tokenBridgeConfig(executor, { contract }),
  ])
  const owed = new Map<string, bigint>([[quote.fee.denom, quote.fee.amount]])
  if (config.denom !== null) owed.set(config.denom, (owed.get(config.denom) ?? 0n) + quote.sent)
  return [...owed]
    .filter(([, value]) => value > 0n)
    .map(([denom, value]) => ({ denom, amount: value.toString() }))
}
