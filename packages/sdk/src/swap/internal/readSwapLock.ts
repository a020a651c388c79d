import { hashedTimelockAbi } from '@ferry/evm-contracts'
import type { Address, Hex } from 'viem'
import { toEvmEndpointRevertedError } from '../../actions/internal/toEvmEndpointRevertedError.js'
import type { CosmWasmChainReader } from '../../chains/cosmwasm/createCosmWasmChainReader.js'
import type { FerryClient } from '../../client/createFerryClient.js'
import type { FerryChain, FerryEvmChain } from '../../client/defineFerryChain.js'
import { NoHtlcError } from '../../errors/NoHtlcError.js'

/** A lock's state (spec/apps/htlc.md §6): Claimed and Refunded are final. */
export type SwapLockState = 'none' | 'open' | 'claimed' | 'refunded'

/** The HTLCs' `state` numbers, in order. */
export const SWAP_LOCK_STATES: readonly SwapLockState[] = ['none', 'open', 'claimed', 'refunded']

/** A lock as its HTLC holds it, with the chain's latest block time it was read at. */
export type SwapLock = {
  state: SwapLockState
  /** Addresses of the lock's chain: 0x on EVM, bech32 on CosmWasm. */
  locker: string
  recipient: string
  /** The ERC-20 (zero: native) on EVM, the denom on CosmWasm. */
  token: string
  amount: bigint
  hashlock: Hex
  timelock: bigint
  /** The latest block's time, unix seconds: what a claim or refund sent now is judged against. */
  blockTime: bigint
}

/**
 * The chain's HTLC address, or `NoHtlcError` naming the action that needs it.
 *
 * @example
 * const htlc = getEvmHtlc(chain, 'lockSwap')
 */
export function getEvmHtlc(chain: FerryEvmChain, action: string): Address {
  if (chain.htlc === undefined) throw new NoHtlcError({ chain: chain.name, action })
  return chain.htlc
}

/**
 * Reads lock `lockId` on the chain's HTLC and the latest block time, at the same block: what
 * the swap actions check before they sign, so a refusal is named before anything is revealed.
 *
 * @example
 * const lock = await readSwapLock(client, chain, lockId, 'claimSwap')
 */
export async function readSwapLock(
  client: FerryClient<readonly FerryChain[]>,
  chain: FerryChain,
  lockId: Hex,
  action: string,
): Promise<SwapLock> {
  const reader = client.reader(chain)
  if (chain.kind === 'evm') return readEvmSwapLock(client, chain, lockId, action)
  // Loaded here so that an app on EVM chains alone never loads the CosmWasm bindings.
  const { readCosmWasmSwapLock } = await import('./cosmwasm/htlcOnCosmWasm.js')
  // CAST: a CosmWasm chain's reader is a CosmWasm reader.
  return readCosmWasmSwapLock(reader as CosmWasmChainReader, chain, lockId, action)
}

async function readEvmSwapLock(
  client: FerryClient<readonly FerryChain[]>,
  chain: FerryEvmChain,
  lockId: Hex,
  action: string,
): Promise<SwapLock> {
  const htlc = getEvmHtlc(chain, action)
  const reader = client.reader(chain)
  try {
    const block = await reader.client.getBlock()
    const lock = await reader.client.readContract({
      address: htlc,
      abi: hashedTimelockAbi,
      functionName: 'lockOf',
      args: [lockId],
      blockNumber: block.number,
    })
    return {
      state: SWAP_LOCK_STATES[lock.state] ?? 'none',
      locker: lock.locker,
      recipient: lock.recipient,
      token: lock.token,
      amount: lock.amount,
      hashlock: lock.hashlock,
      timelock: lock.timelock,
      blockTime: block.timestamp,
    }
  } catch (error) {
    throw toEvmEndpointRevertedError(chain.name, error)
  }
}
