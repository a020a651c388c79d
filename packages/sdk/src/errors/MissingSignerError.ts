import { FerryError } from './FerryError.js'

/**
 * A write action (`send`, `addFee`, `retryMessage`, `timeoutMessage`) was asked to sign on a
 * chain defined without a signer: an EVM chain needs `walletClient` (with an `account`), a
 * CosmWasm chain an `executor` (with a `sender`). Not retryable: configure the chain.
 *
 * @example
 * if (error instanceof MissingSignerError) console.log(`Set ${error.configure} on ${error.chain}`)
 */
export class MissingSignerError extends FerryError {
  override name = 'MissingSignerError'
  readonly code = 'missing_signer'
  readonly chain: string
  readonly action: string
  /** What to set in `defineFerryChain`. */
  readonly configure: 'walletClient' | 'walletClient.account' | 'executor' | 'executor.sender'
  constructor({
    chain,
    action,
    configure,
  }: {
    chain: string
    action: string
    configure: MissingSignerError['configure']
  }) {
    super(`${action} signs on ${chain}, which has no ${configure}.`, {
      metaMessages: [
        configure.startsWith('walletClient')
          ? 'Give defineFerryChain a viem walletClient with an account.'
          : 'Give defineFerryChain an executor with a sender (fromSigningClient(client, address)).',
      ],
    })
    this.chain = chain
    this.action = action
    this.configure = configure
  }
}
