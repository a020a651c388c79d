import { FerryError } from './FerryError.js'

/**
 * A token transfer would deliver nothing: its amount is below one unit of the destination's token
 * once scaled to its decimals (TOKEN §3, the bridge's `TokenBridgeZeroAmount`). Nothing was sent.
 * Not retryable as is: send more.
 *
 * @example
 * if (error instanceof TransferAmountTooSmallError) console.log(`${error.amount} is all dust`)
 */
export class TransferAmountTooSmallError extends FerryError {
  override name = 'TransferAmountTooSmallError'
  readonly code = 'transfer_amount_too_small'
  /** The origin chain's name. */
  readonly chain: string
  /** The amount asked for, in the origin token's units. */
  readonly amount: bigint
  constructor({
    chain,
    amount,
    cause,
  }: { chain: string; amount: bigint; cause?: Error | undefined }) {
    super(`A transfer of ${amount} from ${chain} delivers nothing: it is all dust.`, {
      metaMessages: [
        'Send at least one unit of the destination token (quoteTransfer shows what arrives).',
      ],
      cause,
    })
    this.chain = chain
    this.amount = amount
  }
}
