import { transferRemote } from '@ferry/cosmwasm-bindings'
import type { Hex } from 'viem'
import type { SentMessageEvent } from '../../../chains/types.js'
import type { FerryClient } from '../../../client/createFerryClient.js'
import type { FerryChain, FerryCosmWasmChain } from '../../../client/defineFerryChain.js'
import { toTokenTransferError } from '../../../tokenTransfer/toTokenTransferError.js'
import { getCosmWasmSigner } from '../getCosmWasmSigner.js'
import { toCosmWasmEndpointRevertedError } from './toCosmWasmEndpointRevertedError.js'
import { toCosmWasmSentMessages } from './toCosmWasmSentMessages.js'

/**
 * `transferToken`'s CosmWasm branch, loaded only when tokens leave a CosmWasm chain: the
 * bindings' `transferRemote` with the chain's executor, which pays `sent` of the locked denom (a
 * native-mode bridge) and the fee, refunded in excess; returns the message the endpoint emitted.
 * Refusals become the SDK's transfer errors or `EndpointRevertedError`.
 *
 * @example
 * const { transferOnCosmWasm } = await import('./internal/cosmwasm/transferOnCosmWasm.js')
 */
export async function transferOnCosmWasm(
  client: FerryClient<readonly FerryChain[]>,
  origin: FerryCosmWasmChain,
  {
    bridge,
    destination,
    recipient,
    amount,
  }: { bridge: string; destination: number; recipient: Hex; amount: bigint },
): Promise<SentMessageEvent | undefined> {
  const { executor } = getCosmWasmSigner(origin, 'transferToken')
  try {
    const result = await transferRemote(executor, {
      contract: bridge,
      destination,
      recipient,
      amount,
    })
    const [sent] = await toCosmWasmSentMessages(client.reader(origin), result)
    return sent
  } catch (error) {
    const reverted = toCosmWasmEndpointRevertedError(origin.name, error)
    throw toTokenTransferError(reverted, { chain: origin.name, bridge, token: undefined, amount })
  }
}
