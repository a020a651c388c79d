import type { Hex } from 'viem'
import type { CosmWasmExecutor } from '../client/types.js'

export type ConnectInterchainAccountsParameters = {
  /** The local router. */
  router: string
  /** Its owner, who sets peers. */
  owner: string
  /** The peer router: its domain and its address as 32 bytes (PROTOCOL §2). */
  remote: { domain: number; router: Hex }
}

/**
 * Makes `router` send to, and accept batches and acks from, the router on `remote.domain`
 * (the app base's `set_peer`). Do it on both chains; the endpoints must be connected too
 * ({@link connectOrigin}).
 *
 * @example
 * ```ts
 * await connectInterchainAccounts(chain, { router, owner, remote: { domain: 31337, router: evmAddressToBytes32(evmRouter) } })
 * ```
 */
export async function connectInterchainAccounts(
  executor: CosmWasmExecutor,
  { router, owner, remote }: ConnectInterchainAccountsParameters,
): Promise<void> {
  await executor.execute(owner, router, {
    set_peer: { domain: remote.domain, peer: remote.router },
  })
}
