import type { Hex } from 'viem'
import { FerryError } from './FerryError.js'

/**
 * `relayMessage` cannot prove the message yet, or ever: `waiting_finality` (its origin block is
 * not final), `waiting_signatures` (fewer validators than the threshold signed a checkpoint
 * covering it), both with a `wait` recovery; `orphaned` (a reorg removed it); `no_validators`
 * (the client knows no validators of its origin, and no API gave a proof).
 *
 * @example
 * if (error instanceof NotProvableError && error.recovery?.action === 'wait') setTimeout(retry, 5_000)
 */
export class NotProvableError extends FerryError {
  override name = 'NotProvableError'
  readonly code = 'not_provable'
  readonly id: Hex
  readonly reason: 'waiting_finality' | 'waiting_signatures' | 'orphaned' | 'no_validators'
  constructor({
    id,
    reason,
    detail,
  }: { id: Hex; reason: NotProvableError['reason']; detail?: string | undefined }) {
    const waiting = reason === 'waiting_finality' || reason === 'waiting_signatures'
    super(`Message ${id} cannot be proven: ${reason}.`, {
      details: detail,
      retryable: waiting,
      recovery: waiting
        ? { action: 'wait', until: reason === 'waiting_finality' ? 'final' : 'signed' }
        : undefined,
    })
    this.id = id
    this.reason = reason
  }
}
