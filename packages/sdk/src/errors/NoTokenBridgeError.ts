import { FerryError } from './FerryError.js'

/**
 * A token-transfer action needs the token bridge of a chain that was defined without one and was
 * given no `bridge` (`tokenBridge` in `defineFerryChain`; the devnet file's `apps.tokenBridge`).
 * Not retryable: configure the chain or pass `bridge`.
 *
 * @example
 * if (error instanceof NoTokenBridgeError) console.log(`Set tokenBridge on ${error.chain}`)
 */
export class NoTokenBridgeError extends FerryError {
  override name = 'NoTokenBridgeError'
  readonly code = 'no_token_bridge'
  readonly chain: string
  readonly action: string
  constructor({ chain, action }: { chain: string; action: string }) {
    super(`${action} needs a token bridge on ${chain}, which has none.`, {
      metaMessages: ['Pass `bridge`, or give defineFerryChain the chain’s tokenBridge.'],
    })
    this.chain = chain
    this.action = action
  }
}
