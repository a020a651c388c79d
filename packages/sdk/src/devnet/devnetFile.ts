/**
 * The apps the devnet deployed on a chain, by key: `interchainAccountRouter` (`callRemote`),
 * `tokenBridge` (`transferToken`), `htlc` (the swap actions), and any other the devnet adds
 * (example apps), each an address of the chain's kind.
 */
export type DevnetFileApps = {
  interchainAccountRouter?: string | undefined
  tokenBridge?: string | undefined
  htlc?: string | undefined
  [app: string]: string | undefined
}

/** A CosmWasm chain of the devnet file: a wasmd node by its RPC URL, or the embedded VM. */
export type DevnetFileCosmWasmChain = {
  kind: 'cosmwasm'
  name: string
  domain: number
  chainId: string
  bech32Prefix: string
  /** The fee denom. */
  denom: string
  endpoint: string
  apps: DevnetFileApps
} & (
  | {
      /** The embedded VM, inside the devnet process: reachable only through the relayer's API. */
      embedded: true
    }
  | {
      /** A wasmd node's CometBFT RPC. */
      rpcUrl: string
      embedded?: never
    }
)

/** An EVM chain of the devnet file. */
export type DevnetFileEvmChain = {
  kind: 'evm'
  name: string
  domain: number
  chainId: number
  rpcUrl: string
  endpoint: string
  verifier: string
  apps: DevnetFileApps
}

/**
 * What `.devnet/devnet.json` holds (written by `pnpm devnet`): the relayer API's URL, each
 * chain and where to reach it, every validator and the relayer's addresses.
 */
export type DevnetFile = {
  apiUrl: string
  chains: (DevnetFileEvmChain | DevnetFileCosmWasmChain)[]
  validators: { origin: number; url: string; address: string }[]
  relayer: { evmAddress: string; cosmwasmAddress: string }
}
