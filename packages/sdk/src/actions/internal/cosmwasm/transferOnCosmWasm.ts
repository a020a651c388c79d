import { parseEndpointError } from '@ferry/cosmwasm-bindings'
import type { Hex } from 'viem'
import type { SentMessageEvent } from '../../../chains/types.js'
import type { FerryClient } from '../../../client/createFerryClient.js'
import type { FerryChain, FerryCosmWasmChain } from '../../../client/defineFerryChain.js'
import { UnexpectedAnswerError } from '../../../errors/UnexpectedAnswerError.js'
import {
  CONFIG_QUERY,
  transferFunds,
  transferRemoteMsg,
} from '../../../tokenTransfer/cosmWasmTokenBridgeMessages.js'
import { toTokenTransferError } from '../../../tokenTransfer/toTokenTransferError.js'
import type { QuoteTransferReturnType } from '../../quoteTransfer.js'
import { getCosmWasmSigner } from '../getCosmWasmSigner.js'
import { toCosmWasmEndpointRevertedError } from './toCosmWasmEndpointRevertedError.js'
import { toCosmWasmSentMessages } from './toCosmWasmSentMessages.js'

/**
 * `transferToken`'s CosmWasm branch, loaded only when tokens leave a CosmWasm chain: reads the
 * bridge's mode, executes `transfer_remote` with the chain's executor, paying `sent` of the
 * locked denom (native mode) and the quote's fee, and returns the message the endpoint emitted.
 * Refusals become the SDK's transfer errors or `EndpointRevertedError`.
 *
 * @example
 * const { transferOnCosmWasm } = await import('./internal/cosmwasm/transferOnCosmWasm.js')
 */
export async function transferOnCosmWasm(
  client: FerryClient<readonly FerryChain[]>,
  origin: FerryCosmWasmChain,
  parameters: {
    bridge: string
    destination: number
    recipient: Hex
    amount: bigint
    quote: QuoteTransferReturnType
  },
): Promise<SentMessageEvent | undefined> {
  const { executor, sender } = getCosmWasmSigner(origin, 'transferToken')
  const { bridge, destination, recipient, amount, quote } = parameters
  const reader = client.reader(origin)
  try {
    const config = (await reader.source.reader().query(bridge, CONFIG_QUERY)) as { denom?: unknown } // CAST: checked below
    const lockedDenom = config?.denom ?? null
    if (lockedDenom !== null && typeof lockedDenom !== 'string')
      throw new UnexpectedAnswerError({ query: 'config', field: 'denom', value: lockedDenom })
    const outcome = await executor.execute(
      sender,
      bridge,
      transferRemoteMsg(destination, recipient, amount),
      transferFunds({
        lockedDenom,
        sent: quote.sent,
        fee: { denom: quote.denom ?? '', amount: quote.fee },
      }),
    )
    const { transactionHash, height } = outcome
    const [sent] = await toCosmWasmSentMessages(reader, { transactionHash, height, outcome })
    return sent
  } catch (error) {
    if (error instanceof UnexpectedAnswerError) throw error
    const reverted = toCosmWasmEndpointRevertedError(origin.name, parseEndpointError(error))
    throw toTokenTransferError(reverted, { chain: origin.name, bridge, token: undefined, amount })
  }
}
