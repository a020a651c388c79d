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
    l1Fee: l1FeeOf(receipt),
  }
}

/**
 * An OP Stack receipt's `l1Fee` (viem keeps the node's extra fields: a hex string, or a bigint
 * under an OP chain's formatter); 0 for a receipt without one.
 */
function l1FeeOf(receipt: TransactionReceipt): bigint {
  const l1Fee: unknown = 'l1Fee' in receipt ? receipt.l1Fee : undefined
  if (typeof l1Fee === 'bigint') return l1Fee
  return typeof l1Fee === 'string' && l1Fee.startsWith('0x') ? BigInt(l1Fee) : 0n
}
