import type { SigningCosmWasmClient } from '@cosmjs/cosmwasm-stargate'
import { type FromSigningClientOptions, fromSigningClient } from '../client/fromSigningClient.js'
import type { CosmWasmDeployer } from './types.js'

/** The part of `SigningCosmWasmClient` the deployer uses (so tests can stand in for it). */
export type DeployerSigningClientLike = Pick<
  SigningCosmWasmClient,
  'execute' | 'queryContractSmart' | 'upload' | 'instantiate'
>

export type DeployerFromSigningClientReturnType = CosmWasmDeployer & { readonly sender: string }

/**
 * A {@link CosmWasmDeployer} over a `@cosmjs/cosmwasm-stargate` `SigningCosmWasmClient`, so that
 * `deployEndpoint`, `instantiateTestRecipient` and the other testing helpers run on a real node:
 * executes and queries as `fromSigningClient` does (`sender` by default, or any other account of
 * the client's signer), and uploads and instantiates with the same fee and memo. Code stored through it
 * is remembered per deployer: make one per chain and reuse it.
 *
 * @example
 * ```ts
 * const client = await SigningCosmWasmClient.connectWithSigner(rpcUrl, wallet, { gasPrice })
 * const deployer = deployerFromSigningClient(client, owner, { fee: 1.5 })
 * const endpoint = await deployEndpoint(deployer, { domain: 7001, owner, denom: 'stake' })
 * ```
 */
export function deployerFromSigningClient(
  client: DeployerSigningClientLike,
  sender: string,
  options: FromSigningClientOptions = {},
): DeployerFromSigningClientReturnType {
  const { fee = 'auto', memo = '' } = options
  return {
    ...fromSigningClient(client, sender, options),
    storeCode: async (account, wasm) => (await client.upload(account, wasm, fee, memo)).codeId,
    instantiate: (account, codeId, msg, { label }) =>
      client.instantiate(account, codeId, msg, label, fee, { memo }),
  }
}
