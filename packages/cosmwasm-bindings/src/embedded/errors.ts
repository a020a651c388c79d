import { BaseError } from '@ferry/protocol'

/**
 * The embedded chain refused a transaction or a query: `reason` is the error string as a real
 * chain's node would report it (a contract's own error, a bank error, a VM abort). Reads of
 * blocks, events or states older than the chain keeps fail with it too, as on a pruning node.
 *
 * @example
 * ```ts
 * await chain.execute(alice, endpoint, { pause: {} }) // throws EmbeddedChainError { reason: 'unauthorized: …' }
 * ```
 */
export class EmbeddedChainError extends BaseError {
  override name = 'EmbeddedChainError' as const
  readonly operation:
    | 'storeCode'
    | 'instantiate'
    | 'execute'
    | 'query'
    | 'queryAt'
    | 'getBlock'
    | 'getEvents'
  readonly reason: string
  constructor({
    operation,
    reason,
  }: {
    operation: EmbeddedChainError['operation']
    reason: string
  }) {
    super(`The embedded chain's ${operation} failed.`, { details: reason })
    this.operation = operation
    this.reason = reason
  }
}
