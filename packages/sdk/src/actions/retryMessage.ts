import type { MessageStatus } from '@ferry/protocol'
import type { Hex } from 'viem'
import type { RpcError } from '../chains/errors.js'
import type { SentMessageEvent } from '../chains/types.js'
import type { FerryClient } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'
import type { EndpointRevertedError } from '../errors/EndpointRevertedError.js'
import { GasLimitTooLowError } from '../errors/GasLimitTooLowError.js'
import type { MissingSignerError } from '../errors/MissingSignerError.js'
import type { TransactionRevertedError } from '../errors/TransactionRevertedError.js'
import type { UnknownChainError } from '../errors/UnknownChainError.js'
import { parseEvmReceipt } from './internal/parseEvmReceipt.js'
import { resolveMessage } from './internal/resolveMessage.js'
import type { MessageInput } from './internal/toEncodedMessage.js'
import { writeEvmEndpoint } from './internal/writeEvmEndpoint.js'

export type RetryMessageParameters = {
  /** The Failed message, encoded, or as `send` / `getMessagesFromTransaction` returned it. */
  message: MessageInput
  /** Gas the handler is given: at least the message's own `gasLimit`. */
  gasLimit: number
}

export type RetryMessageReturnType = {
  transactionHash: string
  /** The destination chain's name. */
  chain: string
  id: Hex
  /** The status the retry left: Executed, or Failed again. */
  status: MessageStatus
  /** The handler's return data (Executed) or revert data (Failed), `0x` when none. */
  result: Hex
  /** The ack the destination sent, when the retry made the message final and it asked for one. */
  ack: SentMessageEvent | undefined
}

export type RetryMessageErrorType =
  | UnknownChainError
  | GasLimitTooLowError
  | MissingSignerError
  | EndpointRevertedError
  | TransactionRevertedError
  | RpcError

/**
 * Runs a Failed message's handler again on its destination with `gasLimit` gas (PROTOCOL §7),
 * paying for that gas with the destination chain's signer: how a handler that ran out of gas
 * is recovered. A gas limit below the message's own is refused before anything is signed
 * (`GasLimitTooLowError`); the endpoint refuses a message that is not Failed (`not_retryable`)
 * or whose deadline passed (`deadline_passed`, with `recovery: { action: 'timeoutMessage' }`)
 * as `EndpointRevertedError`. A retry whose handler fails again returns `status` Failed.
 *
 * @example
 * const { status } = await retryMessage(client, { message, gasLimit: 2 * message.gasLimit })
 */
export async function retryMessage<const chains extends readonly FerryChain[]>(
  client: FerryClient<chains>,
  { message: input, gasLimit }: RetryMessageParameters,
): Promise<RetryMessageReturnType> {
  const { chain, message, encoded } = resolveMessage(client, input, 'destination')
  if (gasLimit < message.gasLimit)
    throw new GasLimitTooLowError({ gasLimit, minimum: message.gasLimit })

  if (chain.kind === 'evm') {
    const receipt = await writeEvmEndpoint(chain, client.reader(chain), {
      functionName: 'retry',
      args: [encoded, gasLimit],
    })
    const { logs, sent } = parseEvmReceipt(receipt, chain.endpoint)
    const retried = logs.find((log) => log.eventName === 'MessageRetried')
    if (retried?.eventName !== 'MessageRetried')
      throw new Error(`${chain.name}: retry emitted no MessageRetried`)
    const { id, status, result } = retried.args
    return {
      transactionHash: receipt.transactionHash,
      chain: chain.name,
      id,
      // CAST: the endpoint emits a MessageStatus code (0–3) as uint8.
      status: status as MessageStatus,
      result,
      ack: sent[0],
    }
  }
  // Loaded here so that an app on EVM chains alone never loads the CosmWasm bindings.
  const { retryOnCosmWasm } = await import('./internal/cosmwasm/retryOnCosmWasm.js')
  return retryOnCosmWasm(client, chain, { encoded, gasLimit })
}
