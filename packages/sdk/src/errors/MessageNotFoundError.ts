import type { Hex } from 'viem'
import { FerryError } from './FerryError.js'

/**
 * No message with this id was found: not among `MessageSent` of `chain`'s endpoint (between its
 * deployment block and its head) when one chain was searched, nor on any chain of the client (or
 * its API) otherwise. A wrong id, or one not sent yet: retryable, since it may be in flight.
 * Actions that take the encoded `message` need no search.
 *
 * @example
 * if (error instanceof MessageNotFoundError) console.log(error.id, error.chain)
 */
export class MessageNotFoundError extends FerryError {
  override name = 'MessageNotFoundError'
  readonly code = 'message_not_found'
  readonly id: Hex
  /** The chain searched, when the search was on one chain. */
  readonly chain: string | undefined
  constructor({ id, chain }: { id: Hex; chain?: string | undefined }) {
    super(
      chain === undefined
        ? `No chain of this client knows message ${id}.`
        : `No message ${id} was sent from ${chain}.`,
      { retryable: true },
    )
    this.id = id
    this.chain = chain
  }
}
