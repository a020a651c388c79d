import type { SigningCosmWasmClient } from '@cosmjs/cosmwasm-stargate'
import type { CosmWasmExecutor } from './types.js'

/** The part of `SigningCosmWasmClient` the adapter uses (so tests can stand in for it). */
export type SigningClientLike = Pick<SigningCosmWasmClient, 'execute' | 'queryContractSmart'>

export type FromSigningClientOptions = {
  /** Fee of each transaction: `'auto'` (simulate, the default), a gas multiplier, or a `StdFee`. */
  fee?: Parameters<SigningCosmWasmClient['execute']>[3] | undefined
  memo?: string | undefined
}

export type FromSigningClientReturnType = CosmWasmExecutor & { readonly sender: string }

/**
 * A `CosmWasmExecutor` over a `@cosmjs/cosmwasm-stargate` `SigningCosmWasmClient`, executing as
 * `sender` unless an action names another account of the client's signer. The outcome has no
 * `data` (cosmjs does not decode it); the endpoint actions read events instead.
 *
 * @example
 * ```ts
 * const client = await SigningCosmWasmClient.connectWithSigner(rpc, wallet, { gasPrice })
 * const executor = fromSigningClient(client, address, { fee: 1.4 })
 * await send(executor, { contract: endpoint, destination: 1, recipient, body: '0x' })
 * ```
 */
export function fromSigningClient(
  client: SigningClientLike,
  sender: string,
  { fee = 'auto', memo = '' }: FromSigningClientOptions = {},
): FromSigningClientReturnType {
  return {
    sender,
    async execute(account, contract, msg, funds) {
      const result = await client.execute(account, contract, msg, fee, memo, funds)
      return {
        transactionHash: result.transactionHash,
        height: result.height,
        events: result.events,
      }
    },
    query: (contract, msg) => client.queryContractSmart(contract, msg),
  }
}
