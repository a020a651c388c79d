import { getL1DataFee, type L1FeeConfig, MESSAGE_HEADER_LENGTH } from '@ferry/protocol'
import { type Hex, size } from 'viem'

/**
 * The L1 data fee of delivering one message to a rollup destination, in the origin's base
 * units; what the relayer adds to its policy's minimum fee before it calls a message paid
 * (`sortClaimed`). Undefined on a route whose destination has no L1 data fee.
 */
export type L1DeliveryCost = (encodedMessage: Hex, signal?: AbortSignal) => Promise<bigint>

/** What `priceL1Delivery` prices with: the origin endpoint's parameters for the destination. */
export type L1DeliveryPricing = {
  /** The origin endpoint's `l1FeeConfig(destination)` (PROTOCOL §9). */
  l1FeeConfig: L1FeeConfig
  /** The origin endpoint's `feeConfig(destination).rate`: origin base units per destination wei × 1e18. */
  rate: bigint
}

/**
 * The L1 data fee of delivering `encodedMessage` to the rollup, converted to the origin's base
 * units: `getL1DataFee(l1FeeConfig, bodyLength) × rate / 1e18`, the very term the origin's quote
 * adds (PROTOCOL §9), so that a message that paid its quote is never held back for its L1 fee,
 * and one that paid only for L2 gas is.
 *
 * @example
 * priceL1Delivery({ l1FeeConfig, rate: 10n ** 18n }, message.encoded) // wei on an ETH → ETH route
 */
export function priceL1Delivery(
  { l1FeeConfig, rate }: L1DeliveryPricing,
  encodedMessage: Hex,
): bigint {
  const bodyLength = size(encodedMessage) - MESSAGE_HEADER_LENGTH
  return (getL1DataFee(l1FeeConfig, bodyLength) * rate) / 10n ** 18n
}
