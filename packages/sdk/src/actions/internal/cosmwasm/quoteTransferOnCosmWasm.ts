import { quoteTransfer } from '@ferry/cosmwasm-bindings'
import type { FerryClient } from '../../../client/createFerryClient.js'
import type { FerryChain, FerryCosmWasmChain } from '../../../client/defineFerryChain.js'
import { toTokenTransferError } from '../../../tokenTransfer/toTokenTransferError.js'
import type { QuoteTransferReturnType } from '../../quoteTransfer.js'
import { toCosmWasmEndpointRevertedError } from './toCosmWasmEndpointRevertedError.js'

/**
 * `quoteTransfer`'s CosmWasm branch, loaded only for a CosmWasm origin: the bridge's
 * `quote_transfer` (the bindings' `quoteTransfer`), read at the head; refusals as the SDK's
 * transfer errors or `EndpointRevertedError`.
 *
 * @example
 * const { quoteTransferOnCosmWasm } = await import('./internal/cosmwasm/quoteTransferOnCosmWasm.js')
 */
export async function quoteTransferOnCosmWasm(
  client: FerryClient<readonly FerryChain[]>,
  origin: FerryCosmWasmChain,
  { bridge, destination, amount }: { bridge: string; destination: number; amount: bigint },
): Promise<QuoteTransferReturnType & { denom: string }> {
  try {
    const { fee, ...amounts } = await quoteTransfer(client.reader(origin).source.reader(), {
      contract: bridge,
      destination,
      amount,
    })
    return { fee: fee.amount, denom: fee.denom, ...amounts }
  } catch (error) {
    const reverted = toCosmWasmEndpointRevertedError(origin.name, error)
    throw toTokenTransferError(reverted, { chain: origin.name, bridge, token: undefined, amount })
  }
}
