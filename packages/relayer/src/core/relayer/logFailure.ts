import type { Logger } from 'pino'

/**
 * Logs a failed chain call: a chain's failure is a warning, the relayer's own (`internal_error`)
 * an error, with its stack.
 *
 * @example
 * logFailure(log, error, classifyError(error), { messages: 3 }, 'delivery failed')
 */
export function logFailure(
  log: Logger,
  error: unknown,
  { reason, retryable }: { reason: string; retryable: boolean },
  fields: Record<string, unknown>,
  text: string,
): void {
  const entry = { err: error, reason, retryable, ...fields }
  if (reason === 'internal_error') log.error(entry, text)
  else log.warn(entry, text)
}
