import { feeConfig as cosmwasmFeeConfig, quote as cosmwasmQuote } from '@ferry/cosmwasm-bindings'
import type { FerryClient } from '../../../client/createFerryClient.js'
import type { FerryChain, FerryCosmWasmChain } from '../../../client/defineFerryChain.js'
import type { EndpointQuote } from '../../quote.js'
import { toCosmWasmEndpointRevertedError } from './toCosmWasmEndpointRevertedError.js'

/**
 * `quote`'s CosmWasm branch, loaded only for a CosmWasm origin: the endpoint's quote and fee
 * configurations, all read at the head; refusals as `EndpointRevertedError`.
 *
 * @example
 * const { quoteOnCosmWasm } = await import('./internal/cosmwasm/quoteOnCosmWasm.js')
 * const { fee, denom } = await quoteOnCosmWasm(client, origin, { destination: 1, bodySize: 5, gasLimit: 200_000, ackGasLimit: 0 })
 */
export async function quoteOnCosmWasm(
  client: FerryClient<readonly FerryChain[]>,
  origin: FerryCosmWasmChain,
  {
    destination,
    bodySize,
    gasLimit,
    ackGasLimit,
  }: { destination: number; bodySize: number; gasLimit: number; ackGasLimit: number },
): Promise<EndpointQuote> {
  try {
    const { source, contract } = client.reader(origin)
    const block = await source.getHead()
    const at = source.reader(block.number)
    const [quoted, feeConfig, ackFeeConfig] = await Promise.all([
      cosmwasmQuote(at, { contract, destination, bodyLength: bodySize, gasLimit, ackGasLimit }),
      cosmwasmFeeConfig(at, { contract, domain: destination }),
      ackGasLimit === 0 ? undefined : cosmwasmFeeConfig(at, { contract, domain: origin.domain }),
    ])
    return { fee: quoted.fee, denom: quoted.denom, feeConfig, ackFeeConfig, block }
  } catch (error) {
    throw toCosmWasmEndpointRevertedError(origin.name, error)
  }
}
