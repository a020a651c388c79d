import type { Address } from 'viem'
import type { RpcError } from '../chains/errors.js'
import type { ChainRef, FerryClient } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'
import type { EndpointRevertedError } from '../errors/EndpointRevertedError.js'
import type { NoTokenBridgeError } from '../errors/NoTokenBridgeError.js'
import { evmTokenBridgeAbi } from '../tokenTransfer/evmTokenBridgeAbi.js'
import { tokenBridgeOf } from '../tokenTransfer/tokenBridgeOf.js'
import { toEvmEndpointRevertedError } from './internal/toEvmEndpointRevertedError.js'

export type QuoteTransferParameters<chains extends readonly FerryChain[] = readonly FerryChain[]> =
  {
    /** The chain the tokens leave (name or domain). */
    origin: ChainRef<chains>
    /** The chain they arrive on (name or domain). */
    destination: ChainRef<chains>
    /** The amount, in the origin token's smallest units. */
    amount: bigint
    /** The origin's bridge; default: the origin chain's `tokenBridge`. */
    bridge?: string | undefined
  }

export type QuoteTransferReturnType = {
  /** The Ferry fee `transferToken` pays, in the origin's native base units. */
  fee: bigint
  /** The fee's denom on a CosmWasm origin; undefined on EVM (wei). */
  denom: string | undefined
  /** What leaves the sender: the amount less the dust. */
  sent: bigint
  /** What arrives, in the destination token's units. */
  amountReceived: bigint
  /** What stays with the sender: below one unit of the destination's token. */
  dust: bigint
  /** What the origin's outbound rate limit lets leave now (TOKEN §5), in the origin's units. */
  available: bigint
}

export type QuoteTransferErrorType = NoTokenBridgeError | EndpointRevertedError | RpcError

/**
 * What a token transfer costs and delivers, from the origin bridge's `quoteTransfer`
 * (spec/apps/token-bridge.md §3): the fee, what leaves the sender (`sent`), what arrives in the
 * destination's units (`amountReceived`, scaled exactly, never rounded up), the `dust` that stays
 * with the sender, and the rate limit's headroom (`available`; a transfer above it is refused).
 * A route the bridge has not opened throws `EndpointRevertedError` (`TokenBridgeUnknownRoute`).
 *
 * @example
 * const { fee, amountReceived, dust } = await quoteTransfer(client, {
 *   origin: 'evm-a',
 *   destination: 'wasm',
 *   amount: 1_234_567_891_234_567_891n,
 * })
 */
export async function quoteTransfer<const chains extends readonly FerryChain[]>(
  client: FerryClient<chains>,
  parameters: QuoteTransferParameters<chains>,
): Promise<QuoteTransferReturnType> {
  const origin: FerryChain = client.chain(parameters.origin)
  const destination: FerryChain = client.chain(parameters.destination)
  const bridge = tokenBridgeOf(origin, parameters.bridge, 'quoteTransfer')
  const { amount } = parameters
  if (origin.kind === 'cosmwasm') {
    // Loaded here so that an app on EVM chains alone never loads the CosmWasm bindings.
    const { quoteTransferOnCosmWasm } = await import(
      './internal/cosmwasm/quoteTransferOnCosmWasm.js'
    )
    return quoteTransferOnCosmWasm(client, origin, {
      bridge,
      destination: destination.domain,
      amount,
    })
  }
  try {
    const [fee, sent, amountReceived, dust, available] = await client
      .reader(origin)
      .client.readContract({
        // CAST: an EVM chain's bridge is an address (FerryEvmChain types it so).
        address: bridge as Address,
        abi: evmTokenBridgeAbi,
        functionName: 'quoteTransfer',
        args: [destination.domain, amount],
      })
    return { fee, denom: undefined, sent, amountReceived, dust, available }
  } catch (error) {
    throw toEvmEndpointRevertedError(origin.name, error)
  }
}
