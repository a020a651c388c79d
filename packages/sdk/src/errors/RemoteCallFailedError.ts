import type { Hex } from 'viem'
import { FerryError, type RecoveryHint } from './FerryError.js'

/**
 * A remote call's batch did not execute on its destination: it `failed` (nothing of it stuck;
 * `index` names the call that reverted and `reason` its revert, decoded with that call's ABI
 * where it can be), `timed_out` or `retries_exhausted`. `recovery` is what the message's state
 * advises (`retryMessage` with more gas, `timeoutMessage`); retryable while it can still run.
 *
 * @example
 * catch (error) {
 *   if (error instanceof RemoteCallFailedError) console.log(error.index, error.reason, error.recovery)
 * }
 */
export class RemoteCallFailedError extends FerryError {
  override name = 'RemoteCallFailedError'
  readonly code = 'remote_call_failed'
  readonly id: Hex
  readonly state: 'failed' | 'timed_out' | 'retries_exhausted'
  /** The call (from 0) that reverted, when the destination router says. */
  readonly index: number | undefined
  /** Its revert: a custom error by name and arguments, `Error(string)`'s text, or raw bytes. */
  readonly reason: { errorName: string; args: readonly unknown[] } | string | undefined
  constructor({
    id,
    state,
    index,
    reason,
    retryable,
    recovery,
  }: {
    id: Hex
    state: RemoteCallFailedError['state']
    index?: number | undefined
    reason?: RemoteCallFailedError['reason']
    retryable: boolean
    recovery?: RecoveryHint | undefined
  }) {
    const why =
      reason === undefined ? '' : `: ${typeof reason === 'string' ? reason : reason.errorName}`
    super(
      `Remote call ${id} ${state.replace('_', ' ')}${index === undefined ? '' : ` at call ${index}`}${why}.`,
      { retryable, recovery },
    )
    this.id = id
    this.state = state
    this.index = index
    this.reason = reason
  }
}
