import { type Address, type Hex, keccak256 } from 'viem'
import type { JournalEntry } from '../types.js'
import type { EvmContext } from './context.js'
import type { Fees } from './feeStrategy.js'

/** The parts of a transaction that stay the same across its replacements. */
export type EvmTransactionRequest = { to: Address; data: Hex; gas: bigint; nonce: bigint }

/**
 * Signs a type-2 transaction locally and records it in the journal, and only then returns it
 * for broadcasting: after a crash the journal knows every nonce and hash that may be on the way.
 *
 * @example
 * const entry = await signAndRecord(ctx, { to, data, gas, nonce }, fees, { call: 'retry', messageIds })
 * await broadcast(ctx, entry)
 */
export async function signAndRecord(
  ctx: EvmContext,
  request: EvmTransactionRequest,
  fees: Fees,
  meta: Pick<JournalEntry, 'call' | 'messageIds'>,
): Promise<JournalEntry> {
  const raw = await ctx.account.signTransaction({
    type: 'eip1559',
    chainId: await ctx.chainId(),
    to: request.to,
    data: request.data,
    gas: request.gas,
    nonce: Number(request.nonce),
    value: 0n,
    maxFeePerGas: fees.maxFeePerGas,
    maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
  })
  const entry: JournalEntry = {
    domain: ctx.domain,
    sender: ctx.account.address,
    nonce: request.nonce,
    transactionHash: keccak256(raw),
    raw,
    call: meta.call,
    messageIds: meta.messageIds,
    maxFeePerGas: fees.maxFeePerGas,
    maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
  }
  await ctx.journal.recordSigned(entry)
  return entry
}
