import { FerryError } from './FerryError.js'

/**
 * An action named a chain (by name or domain) that the client was not created with.
 *
 * @example
 * if (error instanceof UnknownChainError) console.log(error.chain, error.known)
 */
export class UnknownChainError extends FerryError {
  override name = 'UnknownChainError'
  readonly code = 'unknown_chain'
  /** The name or domain asked for. */
  readonly chain: string | number
  /** The client's chains, as `name (domain)`. */
  readonly known: readonly string[]
  constructor({ chain, known }: { chain: string | number; known: readonly string[] }) {
    super(`No chain ${JSON.stringify(chain)} in this Ferry client.`, {
      metaMessages: [`Known chains: ${known.join(', ') || 'none'}.`],
    })
    this.chain = chain
    this.known = known
  }
}
