import type { MessageStatus } from '@ferry/protocol'
import type { Hex } from 'viem'
import { FerryError } from './FerryError.js'

/**
 * The message already has a status on its destination (Executed, Failed or TimedOut): it cannot
 * be delivered again. A Failed one can be retried (`retryMessage`).
 *
 * @example
 * if (error instanceof AlreadyDeliveredError) console.log(error.status)
 */
export class AlreadyDeliveredError extends FerryError {
  override name = 'AlreadyDeliveredError'
  readonly code = 'already_delivered'
  readonly id: Hex
  readonly status: MessageStatus
  constructor({ id, status }: { id: Hex; status: MessageStatus }) {
    super(`Message ${id} is already delivered (status ${status}).`)
    this.id = id
    this.status = status
  }
}
