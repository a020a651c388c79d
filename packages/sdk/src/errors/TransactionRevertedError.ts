import { FerryError } from './FerryError.js'

/**
 * A transaction whose simulation passed reverted when mined: the chain changed between the two
 * (someone delivered, retried or timed the message out first; the fee config changed). Not
 * retryable as is: read the message's status again.
 *
 * @example
 * if (error instanceof TransactionRevertedError) console.log(error.transactionHash)
 */
export class TransactionRevertedError extends FerryError {
  override name = 'TransactionRevertedError'
  readonly code = 'transaction_reverted'
  readonly chain: string
  readonly transactionHash: string
  constructor({ chain, transactionHash }: { chain: string; transactionHash: string }) {
    super(`Transaction ${transactionHash} reverted on ${chain}.`)
    this.chain = chain
    this.transactionHash = transactionHash
  }
}
