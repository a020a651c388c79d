import { BaseError } from '@ferry/protocol'

/**
 * The bus already has its maximum number of listeners: each SSE client holds one, so this caps
 * open streams. Retryable: a listener may leave.
 *
 * @example
 * ```ts
 * try { bus.subscribe(listener) } catch (error) { if (error instanceof TooManyListenersError) … }
 * ```
 */
export class TooManyListenersError extends BaseError {
  override name = 'TooManyListenersError' as const
  readonly max: number
  constructor({ max }: { max: number }) {
    super(`The lifecycle bus already has its ${max} listeners.`, { retryable: true })
    this.max = max
  }
}
