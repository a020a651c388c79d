import { failpoint } from '../../core/failpoint.js'
import type { CallReceipt, EndpointCall, JournalEntry, SubmitOptions } from '../types.js'
import { broadcast } from './broadcast.js'
import type { EvmContext } from './context.js'
import { encodeCall } from './encodeCall.js'
import { NonceConflictError, TransactionRevertedError } from './errors.js'
import { estimateCallGas } from './estimateCallGas.js'
import { feesFor, readFeeMarket } from './feeStrategy.js'
import { getReceipt } from './getReceipt.js'
import type { NonceManager } from './nonceManager.js'
import { toCallReceipt } from './parseOutcomes.js'
import { signAndRecord } from './signAndRecord.js'
import { waitForInclusion } from './waitForInclusion.js'

/** Fresh nonces tried when foreign transactions keep taking them, before giving up. */
const maxNonceAttempts = 3

/**
 * Submits `call` to the endpoint and waits for its receipt: estimates gas (a revert throws
 * `GasEstimateRevertedError` before anything is signed), prices it (`GasPriceAboveCapError`
 * above the cap), then, alone among this key's senders, takes the next nonce, signs, journals
 * and broadcasts; waits, replacing the transaction while it is stuck. When a transaction not in
 * the journal (the same key used elsewhere) took the nonce, the old entry is `dropped` and the
 * call is signed again with a nonce resynced from the chain. A mined but reverted transaction
 * throws `TransactionRevertedError`.
 *
 * @example
 * const receipt = await submitCall(ctx, nonces, { type: 'retry', message, gasLimit }, { gasFloor, messageIds })
 */
export async function submitCall(
  ctx: EvmContext,
  nonces: NonceManager,
  call: EndpointCall,
  { gasFloor, gasBound, messageIds, signal }: SubmitOptions,
): Promise<CallReceipt> {
  const data = encodeCall(call)
  let lastNonce = -1n
  for (let attempt = 1; ; attempt++) {
    // Estimated again after a resync: the foreign transaction may have changed the state.
    const gas = await estimateCallGas(ctx, call, data, { gasFloor, gasBound }, signal)
    const fees = feesFor(ctx.domain, await readFeeMarket(ctx, signal), ctx.gas)
    const sent = await nonces.exclusive(async () => {
      const nonce = await nonces.next(signal)
      lastNonce = nonce
      const entry = await signAndRecord(ctx, { to: ctx.endpoint, data, gas, nonce }, fees, {
        call: call.type,
        messageIds,
      })
      return (await send(ctx, entry, signal)) ? entry : undefined
    })
    if (sent) {
      const result = await waitForInclusion(ctx, [sent], signal)
      if (result.type === 'mined') {
        const { receipt } = result
        if (receipt.status === 'reverted')
          throw new TransactionRevertedError({
            domain: ctx.domain,
            transactionHash: receipt.transactionHash,
            blockNumber: receipt.blockNumber,
            gasUsed: receipt.gasUsed,
            gasLimit: gas,
          })
        return toCallReceipt(receipt, ctx.endpoint)
      }
    }
    if (attempt >= maxNonceAttempts)
      throw new NonceConflictError({
        domain: ctx.domain,
        sender: ctx.account.address,
        nonce: lastNonce,
        detail: `foreign transactions took ${attempt} nonces in a row`,
      })
    ctx.logger.warn(
      { domain: ctx.domain, nonce: lastNonce, call: call.type },
      'nonce taken by a transaction not in the journal; resyncing',
    )
  }
}

/**
 * Broadcasts a freshly signed entry. `true` when a node has it; `false` when its nonce was used
 * by a foreign transaction (the entry is then `dropped`, so the next nonce skips it). Throws,
 * with the entry `dropped`, when no node could be reached or a foreign pending transaction holds
 * the nonce at higher fees: a dropped entry frees its nonce, so no gap is left behind.
 */
async function send(ctx: EvmContext, entry: JournalEntry, signal?: AbortSignal): Promise<boolean> {
  let result: Awaited<ReturnType<typeof broadcast>>
  try {
    result = await broadcast(ctx, entry, signal)
  } catch (error) {
    // On abort the entry stays unfinished: whether a node has it is for `recover` to find out.
    if (!signal?.aborted) await ctx.journal.recordFinished(entry.transactionHash, 'dropped')
    throw error
  }
  switch (result.type) {
    case 'accepted':
      failpoint('after_broadcast')
      return true
    case 'nonceUsed':
      // A signature is deterministic: the same transaction signed before may be the one mined.
      if (await getReceipt(ctx, entry.transactionHash, signal)) return true
      await ctx.journal.recordFinished(entry.transactionHash, 'dropped')
      return false
    case 'underpriced':
      await ctx.journal.recordFinished(entry.transactionHash, 'dropped')
      throw new NonceConflictError({
        domain: ctx.domain,
        sender: entry.sender,
        nonce: entry.nonce,
        detail: result.detail,
      })
  }
}
