/**
 * Fills an origin's merkle tree with real messages, cheaply: a Repeater contract (contracts/test)
 * makes the same send/dispatch call many times per transaction, so 65,536 messages take a few
 * hundred transactions instead of 65,536. The tree is the real one, filled through the real send
 * path; only the sender (the Repeater) and the body are the same for every message.
 */
import type { HardhatViemHelpers } from '@nomicfoundation/hardhat-viem/types'
import type { Address, Hex, TransactionReceipt } from 'viem'

/** Calls per Repeater transaction: ~128 × 100k gas stays well under one block (and EIP-7825). */
const CALLS_PER_TRANSACTION = 128

export type FillTreeParameters = {
  viem: Pick<HardhatViemHelpers, 'deployContract' | 'getPublicClient'>
  /** The contract whose function inserts one leaf per call (Ferry endpoint, Hyperlane mailbox). */
  target: Address
  /** The calldata of one call, and the value (fee) it pays. */
  data: Hex
  value: bigint
  /** How many calls to make. */
  count: number
  /** Sees every fill transaction's receipt (to mirror the inserted leaves off-chain). */
  onReceipt?: (receipt: TransactionReceipt) => void
}

/** Makes `count` calls of `data` to `target` through a Repeater, 128 per transaction. */
export async function fillTree({
  viem,
  target,
  data,
  value,
  count,
  onReceipt,
}: FillTreeParameters): Promise<void> {
  const client = await viem.getPublicClient()
  const repeater = await viem.deployContract('Repeater')
  for (let done = 0; done < count; done += CALLS_PER_TRANSACTION) {
    const times = BigInt(Math.min(CALLS_PER_TRANSACTION, count - done))
    const hash = await repeater.write.repeat([target, data, value, times], {
      value: value * times,
    })
    const receipt = await client.waitForTransactionReceipt({ hash })
    if (receipt.status !== 'success') throw new Error(`bench: tree fill reverted (tx ${hash})`)
    onReceipt?.(receipt)
  }
}
