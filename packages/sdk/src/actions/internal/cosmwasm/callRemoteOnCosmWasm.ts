import { callRemote, quoteRemoteCall } from '@ferry/cosmwasm-bindings'
import { REMOTE_CALL_KINDS, type RemoteCallKind } from '@ferry/protocol'
import type { Hex } from 'viem'
import type { FerryClient } from '../../../client/createFerryClient.js'
import type { FerryChain, FerryCosmWasmChain } from '../../../client/defineFerryChain.js'
import { MaxFeeExceededError } from '../../../errors/MaxFeeExceededError.js'
import { getCosmWasmSigner } from '../getCosmWasmSigner.js'
import { toCosmWasmEndpointRevertedError } from './toCosmWasmEndpointRevertedError.js'
import { toCosmWasmSentMessages } from './toCosmWasmSentMessages.js'

/**
 * `callRemote`'s and `readRemote`'s CosmWasm-origin branch, loaded only when a batch leaves a
 * CosmWasm chain: quotes the router's fee, refuses above `maxFee`, and executes `call_remote`
 * with the chain's executor, paying the quote; returns the message the endpoint emitted.
 *
 * @example
 * const { callRemoteOnCosmWasm } = await import('./internal/cosmwasm/callRemoteOnCosmWasm.js')
 */
export async function callRemoteOnCosmWasm(
  client: FerryClient<readonly FerryChain[]>,
  origin: FerryCosmWasmChain,
  router: string,
  parameters: {
    destination: number
    kind: RemoteCallKind
    payload: Hex
    gasLimit: number
    ackGasLimit: number
    deadline: bigint
    maxFee: bigint | undefined
    action: string
  },
) {
  const { executor } = getCosmWasmSigner(origin, parameters.action)
  const { destination, payload, gasLimit, ackGasLimit, deadline, maxFee } = parameters
  try {
    const fee = await quoteRemoteCall(executor, {
      contract: router,
      destination,
      payload,
      gasLimit,
      ackGasLimit,
    })
    if (maxFee !== undefined && fee.fee > maxFee)
      throw new MaxFeeExceededError({ chain: origin.name, fee: fee.fee, maxFee })
    const result = await callRemote(executor, {
      contract: router,
      destination,
      kind: REMOTE_CALL_KINDS[parameters.kind],
      payload,
      gasLimit,
      ackGasLimit,
      deadline,
      fee: { amount: fee.fee, denom: fee.denom },
    })
    const [sent] = await toCosmWasmSentMessages(client.reader(origin), result)
    return sent
  } catch (error) {
    if (error instanceof MaxFeeExceededError) throw error
    throw toCosmWasmEndpointRevertedError(origin.name, error)
  }
}
