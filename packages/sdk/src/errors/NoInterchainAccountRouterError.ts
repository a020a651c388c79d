import { FerryError } from './FerryError.js'

/**
 * A remote-call action needs the interchain-account router of a chain that was defined without
 * one (`interchainAccountRouter` in `defineFerryChain`; the devnet's chains have it). Not
 * retryable: configure the chain.
 *
 * @example
 * if (error instanceof NoInterchainAccountRouterError) console.log(`Set interchainAccountRouter on ${error.chain}`)
 */
export class NoInterchainAccountRouterError extends FerryError {
  override name = 'NoInterchainAccountRouterError'
  readonly code = 'no_interchain_account_router'
  readonly chain: string
  readonly action: string
  constructor({ chain, action }: { chain: string; action: string }) {
    super(`${action} needs the interchain-account router on ${chain}, which has none.`, {
      metaMessages: ['Give defineFerryChain the chain’s interchainAccountRouter.'],
    })
    this.chain = chain
    this.action = action
  }
}
