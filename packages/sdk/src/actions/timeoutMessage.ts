import { MessageStatus } from '@ferry/protocol'
import type { Hex } from 'viem'
import type { RpcError } from '../chains/errors.js'
import type { SentMessageEvent } from '../chains/types.js'
import type { FerryClient } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'
import { DeadlineNotPassedError } from '../errors/DeadlineNotPassedError.js'
import type { EndpointRevertedError } from '../errors/EndpointRevertedError.js'
import type { MissingSignerError } from '../errors/MissingSignerError.js'
import type { TransactionRevertedError } from '../errors/TransactionRevertedError.js'
import type { UnknownChainError } from '../errors/UnknownChainError.js'
import { parseEvmReceipt } from './internal/parseEvmReceipt.js'
import { resolveMessage } from './internal/resolveMessage.js'
import type { MessageInput } from './internal/toEncodedMessage.js'
import { writeEvmEndpoint } from './internal/writeEvmEndpoint.js'

export type TimeoutMessageParameters = {
  /** The Failed message, encoded, or as `send` / `getMessagesFromTransaction` returned it. */
  message: MessageInput
}

export type TimeoutMessageReturnType = {
  transactionHash: string
  /** The destination chain's name. */
  chain: string
  id: Hex
  /** Always TimedOut: final (PROTOCOL §7). */
  status: typeof MessageStatus.TimedOut
  /** The ack the destination sent (TimedOut, with the last revert data), when the message asked for one. */
  ack: SentMessageEvent | undefined
}

export type TimeoutMessageErrorType =
  | UnknownChainError
  | DeadlineNotPassedError
  | MissingSignerError
  | EndpointRevertedError
  | TransactionRevertedError
  | RpcError

/**
 * Times out a Failed message whose deadline has passed (PROTOCOL §7), on its destination, with
 * the destination chain's signer: its status becomes TimedOut (final) and, if it asked for one,
 * its ack is sent back. Refused before anything is signed when the message has no deadline or
 * the destination's latest block time has not passed it (`DeadlineNotPassedError`, with
 * `recovery: { action: 'wait', until }`); the endpoint refuses a message that is not Failed
 * (`not_timeoutable`) as `EndpointRevertedError`.
 *
 * @example
 * const { status } = await timeoutMessage(client, { message })
 */
export async function timeoutMessage<const chains extends readonly FerryChain[]>(
  client: FerryClient<chains>,
  { message: input }: TimeoutMessageParameters,
): Promise<TimeoutMessageReturnType> {
  const { chain, message, encoded } = resolveMessage(client, input, 'destination')
  const reader = client.reader(chain)
  const { timestamp } = await reader.getHead()
  if (message.deadline === 0n || timestamp <= message.deadline)
    throw new DeadlineNotPassedError({
      chain: chain.name,
      deadline: message.deadline,
      blockTime: timestamp,
    })

  if (chain.kind === 'evm') {
    const receipt = await writeEvmEndpoint(chain, client.reader(chain), {
      functionName: 'timeout',
      args: [encoded],
    })
    const { logs, sent } = parseEvmReceipt(receipt, chain.endpoint)
    const timedOut = logs.find((log) => log.eventName === 'MessageTimedOut')
    if (timedOut?.eventName !== 'MessageTimedOut')
      throw new Error(`${chain.name}: timeout emitted no MessageTimedOut`)
    return {
      transactionHash: receipt.transactionHash,
      chain: chain.name,
      id: timedOut.args.id,
      status: MessageStatus.TimedOut,
      ack: sent[0],
    }
  }
  // Loaded here so that an app on EVM chains alone never loads the CosmWasm bindings.
  const { timeoutOnCosmWasm } = await import('./internal/cosmwasm/timeoutOnCosmWasm.js')
  return timeoutOnCosmWasm(client, chain, { encoded })
}
