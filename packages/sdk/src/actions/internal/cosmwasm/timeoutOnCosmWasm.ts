import { timeout as cosmwasmTimeout } from '@ferry/cosmwasm-bindings'
import { MessageStatus } from '@ferry/protocol'
import type { Hex } from 'viem'
import type { FerryClient } from '../../../client/createFerryClient.js'
import type { FerryChain, FerryCosmWasmChain } from '../../../client/defineFerryChain.js'
import type { TimeoutMessageReturnType } from '../../timeoutMessage.js'
import { getCosmWasmSigner } from '../getCosmWasmSigner.js'
import { toCosmWasmEndpointRevertedError } from './toCosmWasmEndpointRevertedError.js'
import { toCosmWasmSentMessages } from './toCosmWasmSentMessages.js'

/**
 * `timeoutMessage`'s CosmWasm branch, loaded only for a CosmWasm destination: the endpoint's
 * `timeout` with the chain's executor, its `ferry_message_timed_out` and any ack it sent
 * decoded; refusals as `EndpointRevertedError`.
 *
 * @example
 * const { timeoutOnCosmWasm } = await import('./internal/cosmwasm/timeoutOnCosmWasm.js')
 * const { ack } = await timeoutOnCosmWasm(client, chain, { encoded })
 */
export async function timeoutOnCosmWasm(
  client: FerryClient<readonly FerryChain[]>,
  chain: FerryCosmWasmChain,
  { encoded }: { encoded: Hex },
): Promise<TimeoutMessageReturnType> {
  const { executor } = getCosmWasmSigner(chain, 'timeoutMessage')
  let executed: Awaited<ReturnType<typeof cosmwasmTimeout>>
  try {
    executed = await cosmwasmTimeout(executor, { contract: chain.endpoint, message: encoded })
  } catch (error) {
    throw toCosmWasmEndpointRevertedError(chain.name, error)
  }
  const timedOut = executed.events.find((event) => event.type === 'messageTimedOut')
  if (timedOut?.type !== 'messageTimedOut')
    throw new Error(`${chain.name}: timeout emitted no ferry_message_timed_out`)
  const [ack] = await toCosmWasmSentMessages(client.reader(chain), executed)
  return {
    transactionHash: executed.transactionHash,
    chain: chain.name,
    id: timedOut.id,
    status: MessageStatus.TimedOut,
    ack,
  }
}
