import { FerryError } from './FerryError.js'

/**
 * A transfer out of a mint bridge is above the collateral the destination's lock bridge holds for
 * this route (TOKEN §4): it could not be released there, so the origin refuses it and nothing
 * was sent. Send at most `collateral` (`recovery.action: 'lowerAmount'`).
 *
 * @example
 * if (error instanceof TransferCollateralExceededError) console.log(error.collateral)
 */
export class TransferCollateralExceededError extends FerryError {
  override name = 'TransferCollateralExceededError'
  readonly code = 'transfer_collateral_exceeded'
  /** The origin chain's name. */
  readonly chain: string
  readonly amount: bigint
  /** The route's collateral, in the origin token's units. */
  readonly collateral: bigint
  constructor({
    chain,
    amount,
    collateral,
    cause,
  }: { chain: string; amount: bigint; collateral: bigint; cause?: Error | undefined }) {
    super(`A transfer of ${amount} from ${chain} is above the route's collateral, ${collateral}.`, {
      ...(collateral > 0n && { recovery: { action: 'lowerAmount', amount: collateral } }),
      cause,
    })
    this.chain = chain
    this.amount = amount
    this.collateral = collateral
  }
}
