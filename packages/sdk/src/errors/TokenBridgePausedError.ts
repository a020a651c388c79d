import { FerryError } from './FerryError.js'

/**
 * The origin's token bridge is paused by its guardian (TOKEN §6) and refuses transfers out:
 * nothing was sent. Retryable once the bridge is unpaused.
 *
 * @example
 * if (error instanceof TokenBridgePausedError) console.log(`${error.bridge} on ${error.chain} is paused`)
 */
export class TokenBridgePausedError extends FerryError {
  override name = 'TokenBridgePausedError'
  readonly code = 'token_bridge_paused'
  /** The origin chain's name. */
  readonly chain: string
  readonly bridge: string
  constructor({
    chain,
    bridge,
    cause,
  }: { chain: string; bridge: string; cause?: Error | undefined }) {
    super(`The token bridge ${bridge} on ${chain} is paused.`, {
      metaMessages: ['Try again once its guardian unpauses it.'],
      retryable: true,
      cause,
    })
    this.chain = chain
    this.bridge = bridge
  }
}
