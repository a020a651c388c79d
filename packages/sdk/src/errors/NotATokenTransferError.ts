import { FerryError } from './FerryError.js'

/**
 * `getTransfer` found the message, but its body is not a token transfer (TOKEN §2: 97 bytes,
 * version 1): another app's message. Not retryable: read it with `getMessage`.
 *
 * @example
 * if (error instanceof NotATokenTransferError) console.log(await getMessage(client, { id: error.id }))
 */
export class NotATokenTransferError extends FerryError {
  override name = 'NotATokenTransferError'
  readonly code = 'not_a_token_transfer'
  readonly id: string
  constructor({ id, cause }: { id: string; cause?: Error | undefined }) {
    super(`Message ${id} is not a token transfer.`, {
      metaMessages: ['Read it with getMessage.'],
      cause,
    })
    this.id = id
  }
}
