import { deliver } from '@ferry/cosmwasm-bindings'
import type { Hex } from 'viem'
import type { FerryCosmWasmChain } from '../../../client/defineFerryChain.js'
import { getCosmWasmSigner } from '../getCosmWasmSigner.js'
import { toCosmWasmEndpointRevertedError } from './toCosmWasmEndpointRevertedError.js'

/**
 * `relayMessage`'s CosmWasm branch, loaded only for a CosmWasm destination: delivers `message`
 * with its `proof` through the endpoint's `deliver`, with the chain's executor; refusals as
 * `EndpointRevertedError`.
 *
 * @example
 * const { deliverOnCosmWasm } = await import('./internal/cosmwasm/deliverOnCosmWasm.js')
 * const { transactionHash } = await deliverOnCosmWasm(chain, { message: sent.encoded, proof })
 */
export async function deliverOnCosmWasm(
  chain: FerryCosmWasmChain,
  { message, proof }: { message: Hex; proof: Hex },
): Promise<{ transactionHash: string }> {
  const { executor } = getCosmWasmSigner(chain, 'relayMessage')
  try {
    const { transactionHash } = await deliver(executor, {
      contract: chain.endpoint,
      message,
      proof,
    })
    return { transactionHash }
  } catch (error) {
    throw toCosmWasmEndpointRevertedError(chain.name, error)
  }
}
