import { BaseError, type BaseErrorParameters } from '@ferry/protocol'

/**
 * What a caller can do about an error, as data an app can turn into a button: top the message's
 * fee up by `amount` (`addFee`), retry it with more gas (`retryMessage`), time it out
 * (`timeoutMessage`), deliver it yourself (`relayMessage`), send again paying at least `fee`
 * (`payMore`: raise `maxFee` or `value`), send a smaller amount (`lowerAmount`: a token transfer
over its rate limit or collateral), approve a token first (`approve`), or wait.
 *
 * @example
 * if (error.recovery?.action === 'addFee')
 *   await addFee(client, { id, chain: origin, amount: error.recovery.amount })
 */
export type RecoveryHint =
  | { action: 'addFee'; amount: bigint }
  | { action: 'retryMessage'; gasLimit: number }
  | { action: 'timeoutMessage' }
  | { action: 'relayMessage' }
  | { action: 'payMore'; fee: bigint }
  | { action: 'lowerAmount'; amount: bigint }
  | { action: 'approve'; token: string; spender: string; amount: bigint }
  | { action: 'wait'; until: string }

export type FerryErrorParameters = BaseErrorParameters & {
  recovery?: RecoveryHint | undefined
}

/**
 * Root of the SDK's own errors: a `BaseError` (`shortMessage`, `details`, `cause`, `walk()`,
 * `retryable`) with a stable `code` to branch on and, where one exists, a `recovery` hint.
 *
 * @example
 * try {
 *   await send(client, parameters)
 * } catch (error) {
 *   if (error instanceof FerryError) console.log(error.code, error.recovery)
 * }
 */
export abstract class FerryError extends BaseError {
  /** Stable, snake_case: what to branch on (the message may be reworded). */
  abstract readonly code: string
  readonly recovery: RecoveryHint | undefined
  constructor(shortMessage: string, { recovery, ...args }: FerryErrorParameters = {}) {
    super(shortMessage, args)
    this.recovery = recovery
  }
}
