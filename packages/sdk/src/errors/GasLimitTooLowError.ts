import { FerryError } from './FerryError.js'

/**
 * `retryMessage` was given less gas than the message's own `gasLimit`, which the endpoint
 * refuses (PROTOCOL §7); nothing was sent. `recovery` carries the least gas limit it accepts.
 *
 * @example
 * if (error instanceof GasLimitTooLowError) await retryMessage(client, { message, gasLimit: error.minimum })
 */
export class GasLimitTooLowError extends FerryError {
  override name = 'GasLimitTooLowError'
  readonly code = 'gas_limit_too_low'
  readonly gasLimit: number
  /** The message's own gas limit: the least a retry may give. */
  readonly minimum: number
  constructor({ gasLimit, minimum }: { gasLimit: number; minimum: number }) {
    super(`A retry needs a gas limit of at least ${minimum}, the message's own; got ${gasLimit}.`, {
      recovery: { action: 'retryMessage', gasLimit: minimum },
    })
    this.gasLimit = gasLimit
    this.minimum = minimum
  }
}
