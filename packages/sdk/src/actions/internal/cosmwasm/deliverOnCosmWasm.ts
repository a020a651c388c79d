import { deliver, deliverBatch } from '@ferry/cosmwasm-bindings'
import type { Hex } from 'viem'
import type { FerryCosmWasmChain } from '../../../client/defineFerryChain.js'
import { getCosmWasmSigner } from '../getCosmWasmSigner.js'
import { toCosmWasmEndpointRevertedError } from './toCosmWasmEndpointRevertedError.js'

/**
 * `relayMessage`'s CosmWasm branch, loaded only for a CosmWasm destination: delivers `messages`
 * with their `proofs` through the endpoint's `deliver` (one) or `deliver_batch` (several), with
 * the chain's executor; refusals as `EndpointRevertedError`.
 *
 * @example
 * const { deliverOnCosmWasm } = await import('./internal/cosmwasm/deliverOnCosmWasm.js')
 * const { transactionHash } = await deliverOnCosmWasm(chain, { messages: [sent.encoded], proofs: [proof] })
 */
export async function deliverOnCosmWasm(
  chain: FerryCosmWasmChain,
  { messages, proofs }: { messages: readonly Hex[]; proofs: readonly Hex[] },
): Promise<{ transactionHash: string }> {
  const { executor } = getCosmWasmSigner(chain, 'relayMessage')
  try {
    const [message, proof] = [messages[0], proofs[0]]
    const { transactionHash } =
      messages.length === 1 && message !== undefined && proof !== undefined
        ? await deliver(executor, { contract: chain.endpoint, message, proof })
        : await deliverBatch(executor, { contract: chain.endpoint, messages, proofs })
    return { transactionHash }
  } catch (error) {
    throw toCosmWasmEndpointRevertedError(chain.name, error)
  }
}
