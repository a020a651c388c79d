import type { CosmWasmChainReader } from '../chains/cosmwasm/createCosmWasmChainReader.js'
import { createLazyCosmWasmChainReader } from '../chains/cosmwasm/createLazyCosmWasmChainReader.js'
import { createLazyCosmWasmReadSource } from '../chains/cosmwasm/createLazyCosmWasmReadSource.js'
import { createEvmChainReader, type EvmChainReader } from '../chains/evm/createEvmChainReader.js'
import { UnknownChainError } from '../errors/UnknownChainError.js'
import type { FerryChain } from './defineFerryChain.js'

export type CreateFerryClientParameters<chains extends readonly FerryChain[]> = {
  /** Every chain the app sends from, to or tracks on (`defineFerryChain`). */
  chains: chains
  /**
   * A relayer's HTTP API (`https://relayer.example`): why a message waits, live updates, proofs.
   * Optional: every action works from the chains (and validators) alone.
   */
  apiUrl?: string | undefined
  /** Origin domain → its validators' base URLs (signed checkpoints), for self-relay. */
  validators?: Readonly<Record<number, readonly string[]>> | undefined
  /** The `fetch` to call the API and validators with. Default: the global one. */
  fetch?: typeof fetch | undefined
}

/** A chain's keyless reader, of its kind: `reader.kind` narrows it. */
export type FerryChainReader = EvmChainReader | CosmWasmChainReader

/** A chain of the client, by its name or its domain. */
export type ChainRef<chains extends readonly FerryChain[]> =
  | chains[number]['name']
  | chains[number]['domain']

/**
 * The client's chain named `ref` (by name or domain); any of its chains when their names are
 * not literal types (chains built by a function typed `FerryChain`).
 */
export type ChainOf<chains extends readonly FerryChain[], ref extends ChainRef<chains>> = [
  Extract<chains[number], { name: ref } | { domain: ref }>,
] extends [never]
  ? chains[number]
  : Extract<chains[number], { name: ref } | { domain: ref }>

/**
 * What actions take first: the chains, the optional relayer API and validators, and one keyless
 * reader per chain (built on first use, then kept).
 */
export type FerryClient<chains extends readonly FerryChain[] = readonly FerryChain[]> = {
  readonly chains: chains
  readonly apiUrl: string | undefined
  readonly validators: Readonly<Record<number, readonly string[]>>
  readonly fetch: typeof fetch
  /** The chain named `ref` (name or domain); throws `UnknownChainError`. */
  chain<ref extends ChainRef<chains>>(ref: ref): ChainOf<chains, ref>
  /** The keyless reader of `chain` (one per chain, made on first use). */
  reader<chain extends FerryChain>(
    chain: chain,
  ): chain extends { kind: 'evm' } ? EvmChainReader : CosmWasmChainReader
}

/**
 * A Ferry client over `chains`: what every SDK action takes first (`send(client, …)`). Holds no
 * connection until an action reads a chain.
 *
 * @example
 * const client = createFerryClient({
 *   chains: [base, osmosis],
 *   apiUrl: 'https://relayer.example',
 * })
 * const { fee } = await quote(client, { from: 'base', to: 'osmosis', bodySize: 32, gasLimit: 200_000 })
 */
export function createFerryClient<const chains extends readonly FerryChain[]>({
  chains,
  apiUrl,
  validators = {},
  // Called as `client.fetch(…)`: a browser's own `fetch` throws "Illegal invocation" unless it
  // is called on the window, so the default calls it unbound.
  fetch: fetchFn = (input, init) => globalThis.fetch(input, init),
}: CreateFerryClientParameters<chains>): FerryClient<chains> {
  const readers = new Map<FerryChain, FerryChainReader>()
  const known = () => chains.map((chain) => `${chain.name} (${chain.domain})`)
  return {
    chains,
    apiUrl: apiUrl?.replace(/\/+$/, ''),
    validators,
    fetch: fetchFn,
    chain(ref) {
      const found = chains.find((chain) => chain.name === ref || chain.domain === ref)
      if (!found) throw new UnknownChainError({ chain: ref, known: known() })
      // CAST: `found` matched `ref` by name or domain, which is what the return type extracts.
      return found as ChainOf<chains, typeof ref>
    },
    reader<chain extends FerryChain>(chain: chain) {
      let reader = readers.get(chain)
      if (!reader) {
        reader = createReader(chain)
        readers.set(chain, reader)
      }
      // CAST: createReader builds the reader of the chain's own kind.
      return reader as chain extends { kind: 'evm' } ? EvmChainReader : CosmWasmChainReader
    },
  }
}

function createReader(chain: FerryChain): FerryChainReader {
  if (chain.kind === 'evm')
    return chain.publicClient
      ? createEvmChainReader({
          domain: chain.domain,
          endpoint: chain.endpoint,
          client: chain.publicClient,
        })
      : createEvmChainReader({
          domain: chain.domain,
          endpoint: chain.endpoint,
          rpcUrls: chain.rpcUrls,
        })
  // Both lazy: an app on EVM chains alone never loads the CosmWasm bindings, cosmjs or the RPC
  // source, since every read of a CosmWasm chain is async anyway.
  return createLazyCosmWasmChainReader({
    domain: chain.domain,
    endpoint: chain.endpoint,
    source:
      chain.source ??
      createLazyCosmWasmReadSource(async () => {
        const { createCosmWasmRpcSource } = await import(
          '../chains/cosmwasm/createCosmWasmRpcSource.js'
        )
        return createCosmWasmRpcSource({
          domain: chain.domain,
          rpcUrls: chain.rpcUrls,
          chainId: chain.chainId,
        })
      }),
  })
}
