import { endpointAbi } from '@ferry/evm-contracts'
import { MessageStatus } from '@ferry/protocol'
import type { DeliveryOutcome } from '@ferry/sdk'
import { toMessageStatus } from '@ferry/sdk/internal'
import {
  type Address,
  isAddressEqual,
  type Log,
  parseEventLogs,
  type TransactionReceipt,
} from 'viem'
import type { CallReceipt } from '../types.js'

/**
 * The delivery outcomes in `logs`, in log order: `MessageDelivered` and `MessageRetried` with
 * their status and result, `MessageTimedOut` as TimedOut with no result. Only logs of
 * `endpoint` count (a handler may emit look-alike events).
 *
 * @example
 * const outcomes = parseOutcomes(receipt.logs, endpoint)
 */
export function parseOutcomes(logs: readonly Log[], endpoint: Address): DeliveryOutcome[] {
  const own = logs.filter((log) => isAddressEqual(log.address, endpoint))
  const events = parseEventLogs({
    abi: endpointAbi,
    // CAST: viem's parameter is a mutable array; it only reads it.
    logs: own as Log[],
    eventName: ['MessageDelivered', 'MessageRetried', 'MessageTimedOut'],
    strict: true,
  })
  return events.map(
    (event): DeliveryOutcome =>
      event.eventName === 'MessageTimedOut'
        ? { id: event.args.id, status: MessageStatus.TimedOut, result: '0x' }
        : {
            id: event.args.id,
            status: toMessageStatus(event.args.status),
            result: event.args.result,
          },
  )
}

/**
 * A viem receipt as the relayer records it, outcomes included.
 *
 * @example
 * const callReceipt = toCallReceipt(receipt, endpoint)
 */
export function toCallReceipt(receipt: TransactionReceipt, endpoint: Address): CallReceipt {
  return {
    transactionHash: receipt.transactionHash,
    blockNumber: receipt.blockNumber,
    status: receipt.status,
    outcomes: receipt.status === 'success' ? parseOutcomes(receipt.logs, endpoint) : [],
    gasUsed: receipt.gasUsed,
  }
}
