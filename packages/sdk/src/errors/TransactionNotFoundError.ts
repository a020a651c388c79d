import { FerryError } from './FerryError.js'

/**
 * The chain does not know the transaction (yet): a hash of another chain, a transaction not
 * included yet, or one older than a pruning node keeps. Retryable: it may still be included.
 *
 * @example
 * if (error instanceof TransactionNotFoundError) setTimeout(lookAgain, 2_000)
 */
export class TransactionNotFoundError extends FerryError {
  override name = 'TransactionNotFoundError'
  readonly code = 'transaction_not_found'
  readonly chain: string
  readonly transactionHash: string
  constructor({
    chain,
    transactionHash,
    cause,
  }: {
    chain: string
    transactionHash: string
    cause?: Error | undefined
  }) {
    super(`No transaction ${transactionHash} on ${chain}.`, { cause, retryable: true })
    this.chain = chain
    this.transactionHash = transactionHash
  }
}
