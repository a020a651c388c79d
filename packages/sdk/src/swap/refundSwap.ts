import { hashedTimelockAbi } from '@ferry/evm-contracts'
import type { Hex } from 'viem'
import { writeEvmContract } from '../actions/internal/writeEvmContract.js'
import type { TransactionHashOf } from '../actions/send.js'
import type { ChainOf, ChainRef, FerryClient } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'
import type { EndpointRevertedError } from '../errors/EndpointRevertedError.js'
import type { MissingSignerError } from '../errors/MissingSignerError.js'
import type { NoHtlcError } from '../errors/NoHtlcError.js'
import { SwapLockNotOpenError } from '../errors/SwapLockNotOpenError.js'
import { SwapRefundNotOpenError } from '../errors/SwapRefundNotOpenError.js'
import { getEvmHtlc, readSwapLock } from './internal/readSwapLock.js'

export type RefundSwapParameters<
  chains extends readonly FerryChain[] = readonly FerryChain[],
  chain extends ChainRef<chains> = ChainRef<chains>,
> = {
  /** The lock's chain (name or domain). */
  chain: chain
  /** The lock to refund: anyone may send it, the amount only goes back to its locker. */
  lockId: Hex
}

export type RefundSwapReturnType<chain extends FerryChain = FerryChain> = {
  transactionHash: TransactionHashOf<chain>
}

export type RefundSwapErrorType =
  | SwapRefundNotOpenError
  | SwapLockNotOpenError
  | NoHtlcError
  | MissingSignerError
  | EndpointRevertedError
  | Error

/**
 * Refunds a lock to its locker once the chain's block time has reached its timelock
 * (spec/apps/htlc.md §6), reading the lock first: before the timelock `SwapRefundNotOpenError`
 * says when the refund opens (`recovery.until`); a lock claimed or refunded already is a
 * `SwapLockNotOpenError`. Nothing is signed in either case.
 *
 * @example
 * await refundSwap(client, { chain: 'evm', lockId: alicesLock })
 */
export async function refundSwap<
  const chains extends readonly FerryChain[],
  chain extends ChainRef<chains>,
>(
  client: FerryClient<chains>,
  { chain: ref, lockId }: RefundSwapParameters<chains, chain>,
): Promise<RefundSwapReturnType<ChainOf<chains, chain>>> {
  const chain: FerryChain = client.chain(ref)
  const lock = await readSwapLock(client, chain, lockId, 'refundSwap')
  if (lock.state !== 'open')
    throw new SwapLockNotOpenError({ chain: chain.name, lockId, state: lock.state })
  if (lock.blockTime < lock.timelock)
    throw new SwapRefundNotOpenError({
      chain: chain.name,
      lockId,
      timelock: lock.timelock,
      blockTime: lock.blockTime,
    })
  if (chain.kind === 'evm') {
    const receipt = await writeEvmContract(chain, client.reader(chain), {
      address: getEvmHtlc(chain, 'refundSwap'),
      abi: hashedTimelockAbi,
      functionName: 'refund',
      args: [lockId],
    })
    // CAST: the chain is EVM: its transaction hashes are Hash.
    return { transactionHash: receipt.transactionHash } as RefundSwapReturnType<
      ChainOf<chains, chain>
    >
  }
  // Loaded here so that an app on EVM chains alone never loads the CosmWasm bindings.
  const { settleOnCosmWasm } = await import('./internal/cosmwasm/htlcOnCosmWasm.js')
  // CAST: the chain is CosmWasm: its transaction hashes are strings.
  return (await settleOnCosmWasm(
    chain,
    { refund: { id: lockId } },
    'refundSwap',
  )) as RefundSwapReturnType<ChainOf<chains, chain>>
}
