import { runLoop } from '../runLoop.js'
import type { Validator } from './createValidator.js'

export type RunValidatorParameters = {
  validator: Validator
  /** Pause between passes once caught up (about a block time). */
  pollIntervalMs: number
  signal: AbortSignal
  logger: import('pino').Logger
}

/**
 * Drives `validator.pass()` until `signal` aborts: back to back while behind, then every
 * `pollIntervalMs`; failures (RPC errors, a tree that disagrees with the endpoint) back off and
 * sign nothing. Resolves once stopped.
 *
 * @example
 * const done = runValidator({ validator, pollIntervalMs: 500, signal, logger })
 */
export function runValidator({
  validator,
  pollIntervalMs,
  signal,
  logger,
}: RunValidatorParameters): Promise<void> {
  return runLoop({
    name: `validator:${validator.domain}`,
    intervalMs: pollIntervalMs,
    signal,
    logger,
    pass: () => validator.pass(signal),
  })
}
