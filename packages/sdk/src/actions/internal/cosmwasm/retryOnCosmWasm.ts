import { retry as cosmwasmRetry } from '@ferry/cosmwasm-bindings'
import type { Hex } from 'viem'
import type { FerryClient } from '../../../client/createFerryClient.js'
import type { FerryChain, FerryCosmWasmChain } from '../../../client/defineFerryChain.js'
import type { RetryMessageReturnType } from '../../retryMessage.js'
import { getCosmWasmSigner } from '../getCosmWasmSigner.js'
import { toCosmWasmEndpointRevertedError } from './toCosmWasmEndpointRevertedError.js'
import { toCosmWasmSentMessages } from './toCosmWasmSentMessages.js'

/**
 * `retryMessage`'s CosmWasm branch, loaded only for a CosmWasm destination: the endpoint's
 * `retry` with the chain's executor, its `ferry_message_retried` and any ack it sent decoded;
 * refusals as `EndpointRevertedError`.
 *
 * @example
 * const { retryOnCosmWasm } = await import('./internal/cosmwasm/retryOnCosmWasm.js')
 * const { status } = await retryOnCosmWasm(client, chain, { encoded, gasLimit: 400_000 })
 */
export async function retryOnCosmWasm(
  client: FerryClient<readonly FerryChain[]>,
  chain: FerryCosmWasmChain,
  { encoded, gasLimit }: { encoded: Hex; gasLimit: number },
): Promise<RetryMessageReturnType> {
  const { executor } = getCosmWasmSigner(chain, 'retryMessage')
  let executed: Awaited<ReturnType<typeof cosmwasmRetry>>
  try {
    executed = await cosmwasmRetry(executor, {
      contract: chain.endpoint,
      message: encoded,
      gasLimit,
    })
  } catch (error) {
    throw toCosmWasmEndpointRevertedError(chain.name, error)
  }
  const retried = executed.events.find((event) => event.type === 'messageRetried')
  if (retried?.type !== 'messageRetried')
    throw new Error(`${chain.name}: retry emitted no ferry_message_retried`)
  const [ack] = await toCosmWasmSentMessages(client.reader(chain), executed)
  return {
    transactionHash: executed.transactionHash,
    chain: chain.name,
    id: retried.id,
    status: retried.status,
    result: retried.result,
    ack,
  }
}
