import { FerryError } from './FerryError.js'

/**
 * A write action needs a signer on `chain` and the client's chain has none: an EVM chain's
 * `walletClient` (with an account), a CosmWasm chain's `executor`.
 *
 * @example
 * if (error instanceof NoSignerError) console.log(`connect a wallet on ${error.chain}`)
 */
export class NoSignerError extends FerryError {
  override name = 'NoSignerError'
  readonly code = 'no_signer'
  readonly chain: string
  constructor({ chain, needs }: { chain: string; needs: 'walletClient' | 'executor' }) {
    super(`No signer on ${chain}: its chain definition has no ${needs}.`)
    this.chain = chain
  }
}
