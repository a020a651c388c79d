import type { Hex } from 'viem'
import { FerryError } from './FerryError.js'

/**
 * No chain of the client (nor its API) knows the message: a wrong id, or not sent yet.
 *
 * @example
 * if (error instanceof MessageNotFoundError) console.log(error.id)
 */
export class MessageNotFoundError extends FerryError {
  override name = 'MessageNotFoundError'
  readonly code = 'message_not_found'
  readonly id: Hex
  constructor({ id }: { id: Hex }) {
    super(`No chain of this client knows message ${id}.`, { retryable: true })
    this.id = id
  }
}
