import type { Hex } from 'viem'
import type { MessageState } from '../actions/toMessageState.js'
import { FerryError } from './FerryError.js'

/**
 * `waitForMessage` gave up after `timeoutMs` before the message got `until`; `lastState` is
 * where it was then (undefined if it was never read). Retryable: waiting longer may help.
 *
 * @example
 * if (error instanceof WaitTimeoutError) console.log(error.lastState?.type)
 */
export class WaitTimeoutError extends FerryError {
  override name = 'WaitTimeoutError'
  readonly code = 'wait_timeout'
  readonly id: Hex
  readonly until: string
  readonly timeoutMs: number
  readonly lastState: MessageState | undefined
  constructor({
    id,
    until,
    timeoutMs,
    lastState,
  }: { id: Hex; until: string; timeoutMs: number; lastState: MessageState | undefined }) {
    super(`Message ${id} was not ${until} after ${timeoutMs} ms.`, {
      metaMessages: [`Last state: ${lastState?.type ?? 'not read'}.`],
      retryable: true,
      recovery: lastState?.recovery ?? { action: 'wait', until },
    })
    this.id = id
    this.until = until
    this.timeoutMs = timeoutMs
    this.lastState = lastState
  }
}
