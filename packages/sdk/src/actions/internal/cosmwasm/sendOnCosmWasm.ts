import {
  type SendParameters as CosmWasmSendParameters,
  type SendReturnType as CosmWasmSendReturnType,
  send as cosmwasmSend,
} from '@ferry/cosmwasm-bindings'
import type { SentMessageEvent } from '../../../chains/types.js'
import type { FerryClient } from '../../../client/createFerryClient.js'
import type { FerryChain, FerryCosmWasmChain } from '../../../client/defineFerryChain.js'
import { getCosmWasmSigner } from '../getCosmWasmSigner.js'
import { toCosmWasmEndpointRevertedError } from './toCosmWasmEndpointRevertedError.js'
import { toCosmWasmSentMessages } from './toCosmWasmSentMessages.js'

/**
 * `send`'s CosmWasm branch, loaded only when a message leaves a CosmWasm chain: the bindings'
 * `send` with the chain's executor, its `ferry_message_sent` decoded; refusals as
 * `EndpointRevertedError`.
 *
 * @example
 * const { sendOnCosmWasm } = await import('./internal/cosmwasm/sendOnCosmWasm.js')
 * const sent = await sendOnCosmWasm(client, origin, { destination: 1, recipient, body, gasLimit, ackGasLimit: 0, deadline: 0n, fee })
 */
export async function sendOnCosmWasm(
  client: FerryClient<readonly FerryChain[]>,
  origin: FerryCosmWasmChain,
  parameters: Omit<CosmWasmSendParameters, 'contract' | 'sender'>,
): Promise<SentMessageEvent | undefined> {
  const { executor } = getCosmWasmSigner(origin, 'send')
  let result: CosmWasmSendReturnType
  try {
    result = await cosmwasmSend(executor, { contract: origin.endpoint, ...parameters })
  } catch (error) {
    throw toCosmWasmEndpointRevertedError(origin.name, error)
  }
  const [sent] = await toCosmWasmSentMessages(client.reader(origin), result)
  return sent
}
