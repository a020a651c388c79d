import { endpointAbi } from '@ferry/evm-contracts'
import { decodeMessage } from '@ferry/protocol'
import { type Address, isAddressEqual, parseEventLogs, type TransactionReceipt } from 'viem'
import type { SentMessageEvent } from '../../chains/types.js'

/**
 * The endpoint's events in a receipt, decoded: its sent messages as `SentMessageEvent`s, in log
 * order, and every endpoint log (for `FeeAdded`, `MessageRetried`, `MessageTimedOut`). Logs of
 * other contracts (an app's own events) are skipped.
 *
 * @example
 * const { sent } = parseEvmReceipt(receipt, chain.endpoint)
 */
export function parseEvmReceipt(receipt: TransactionReceipt, endpoint: Address) {
  const logs = parseEventLogs({
    abi: endpointAbi,
    logs: receipt.logs.filter((log) => isAddressEqual(log.address, endpoint)),
  })
  const sent: SentMessageEvent[] = []
  for (const log of logs)
    if (log.eventName === 'MessageSent')
      sent.push({
        id: log.args.id,
        leafIndex: log.args.leafIndex,
        encoded: log.args.message,
        message: decodeMessage(log.args.message),
        block: { number: receipt.blockNumber, hash: receipt.blockHash },
        transactionHash: receipt.transactionHash,
      })
  return { sent, logs }
}
