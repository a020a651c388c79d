import { parseEndpointError } from '@ferry/cosmwasm-bindings'
import type { FerryClient } from '../../../client/createFerryClient.js'
import type { FerryChain, FerryCosmWasmChain } from '../../../client/defineFerryChain.js'
import {
  parseQuoteTransfer,
  quoteTransferQuery,
} from '../../../tokenTransfer/cosmWasmTokenBridgeMessages.js'
import { toTokenTransferError } from '../../../tokenTransfer/toTokenTransferError.js'
import type { QuoteTransferReturnType } from '../../quoteTransfer.js'
import { toCosmWasmEndpointRevertedError } from './toCosmWasmEndpointRevertedError.js'

/**
 * `quoteTransfer`'s CosmWasm branch, loaded only for a CosmWasm origin: the bridge's
 * `quote_transfer`, read at the head; refusals as the SDK's transfer errors or
 * `EndpointRevertedError`.
 *
 * @example
 * const { quoteTransferOnCosmWasm } = await import('./internal/cosmwasm/quoteTransferOnCosmWasm.js')
 */
export async function quoteTransferOnCosmWasm(
  client: FerryClient<readonly FerryChain[]>,
  origin: FerryCosmWasmChain,
  { bridge, destination, amount }: { bridge: string; destination: number; amount: bigint },
): Promise<QuoteTransferReturnType & { denom: string }> {
  let answer: unknown
  try {
    answer = await client
      .reader(origin)
      .source.reader()
      .query(bridge, quoteTransferQuery(destination, amount))
  } catch (error) {
    const reverted = toCosmWasmEndpointRevertedError(origin.name, parseEndpointError(error))
    throw toTokenTransferError(reverted, {
      chain: origin.name,
      bridge,
      token: undefined,
      amount,
    })
  }
  return parseQuoteTransfer(answer)
}
