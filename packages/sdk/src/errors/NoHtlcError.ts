import { FerryError } from './FerryError.js'

/**
 * A swap action needs the HTLC of a chain that was defined without one (`htlc` in
 * `defineFerryChain`; the devnet file's `apps.htlc`). Not retryable: configure the chain.
 *
 * @example
 * if (error instanceof NoHtlcError) console.log(`Set htlc on ${error.chain}`)
 */
export class NoHtlcError extends FerryError {
  override name = 'NoHtlcError'
  readonly code = 'no_htlc'
  readonly chain: string
  readonly action: string
  constructor({ chain, action }: { chain: string; action: string }) {
    super(`${action} needs the HTLC on ${chain}, which has none.`, {
      metaMessages: ['Give defineFerryChain the chain’s htlc (spec/apps/htlc.md).'],
    })
    this.chain = chain
    this.action = action
  }
}
