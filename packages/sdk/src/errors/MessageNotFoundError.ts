import { FerryError } from './FerryError.js'

/**
 * No message with this id was sent from the chain's endpoint (between its deployment block and
 * its head), so an action given only the id cannot act on it. Not retryable unless the message
 * is still being sent: pass the encoded `message` instead.
 *
 * @example
 * if (error instanceof MessageNotFoundError) console.log(error.id, error.chain)
 */
export class MessageNotFoundError extends FerryError {
  override name = 'MessageNotFoundError'
  readonly code = 'message_not_found'
  readonly chain: string
  readonly id: string
  constructor({ chain, id }: { chain: string; id: string }) {
    super(`No message ${id} was sent from ${chain}.`)
    this.chain = chain
    this.id = id
  }
}
