import { addFee as cosmwasmAddFee, config as cosmwasmConfig } from '@ferry/cosmwasm-bindings'
import type { Hex } from 'viem'
import type { FerryCosmWasmChain } from '../../../client/defineFerryChain.js'
import type { AddFeeReturnType } from '../../addFee.js'
import { getCosmWasmSigner } from '../getCosmWasmSigner.js'
import { toCosmWasmEndpointRevertedError } from './toCosmWasmEndpointRevertedError.js'

/**
 * `addFee`'s CosmWasm branch, loaded only for a CosmWasm origin: tops up `encoded`'s fee by
 * `amount` of the endpoint's fee denom with the chain's executor; refusals as
 * `EndpointRevertedError`.
 *
 * @example
 * const { addFeeOnCosmWasm } = await import('./internal/cosmwasm/addFeeOnCosmWasm.js')
 * const { id, amount } = await addFeeOnCosmWasm(chain, { encoded, amount: 1_000n })
 */
export async function addFeeOnCosmWasm(
  chain: FerryCosmWasmChain,
  { encoded, amount }: { encoded: Hex; amount: bigint },
): Promise<AddFeeReturnType> {
  const { executor } = getCosmWasmSigner(chain, 'addFee')
  try {
    const { denom } = await cosmwasmConfig(executor, { contract: chain.endpoint })
    const result = await cosmwasmAddFee(executor, {
      contract: chain.endpoint,
      message: encoded,
      fee: { amount, denom },
    })
    const { transactionHash, id, amount: paid } = result
    return { transactionHash, chain: chain.name, id, amount: paid }
  } catch (error) {
    throw toCosmWasmEndpointRevertedError(chain.name, error)
  }
}
