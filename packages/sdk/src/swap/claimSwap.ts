import { hashedTimelockAbi } from '@ferry/evm-contracts'
import { getHtlcHashlock, type HtlcPreimageLengthError } from '@ferry/protocol'
import type { Hex } from 'viem'
import { writeEvmContract } from '../actions/internal/writeEvmContract.js'
import type { TransactionHashOf } from '../actions/send.js'
import type { ChainOf, ChainRef, FerryClient } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'
import type { EndpointRevertedError } from '../errors/EndpointRevertedError.js'
import type { MissingSignerError } from '../errors/MissingSignerError.js'
import type { NoHtlcError } from '../errors/NoHtlcError.js'
import { SwapLockExpiredError } from '../errors/SwapLockExpiredError.js'
import { SwapLockNotOpenError } from '../errors/SwapLockNotOpenError.js'
import { WrongSwapPreimageError } from '../errors/WrongSwapPreimageError.js'
import { getEvmHtlc, readSwapLock } from './internal/readSwapLock.js'
import { DEFAULT_SWAP_FINALITY } from './proposeSwap.js'

/**
 * Why a claim about to be signed is risky: it may be final only after the lock's timelock, when
 * its locker (the counterparty) can refund it; the claim then fails, yet its transaction has
 * published the secret, with which the counterparty can claim the other leg too.
 */
export type SwapClaimWarning = {
  code: 'claim_near_refund_window'
  chain: string
  lockId: Hex
  /** The lock's timelock: the counterparty's refund window opens then. */
  timelock: bigint
  /** The chain's latest block time. */
  blockTime: bigint
  /** The chain's finality the claim was judged with, seconds. */
  finality: number
  message: string
}

export type ClaimSwapParameters<
  chains extends readonly FerryChain[] = readonly FerryChain[],
  chain extends ChainRef<chains> = ChainRef<chains>,
> = {
  /** The lock's chain (name or domain). */
  chain: chain
  /** The lock to claim: the counterparty's lock for you. */
  lockId: Hex
  /** The secret: exactly 32 bytes whose sha256 is the lock's hashlock. */
  preimage: Hex
  /** Seconds until the chain's blocks are final; `DEFAULT_SWAP_FINALITY` of its kind by default. */
  finality?: number | undefined
  /**
   * Called before signing when the claim may be final only after the counterparty's refund
   * window opens (`SwapClaimWarning`): throw from it to claim nothing. Without it, the claim goes
   * ahead (the HTLC takes it if it lands before the timelock).
   */
  onWarning?: ((warning: SwapClaimWarning) => void | Promise<void>) | undefined
}

export type ClaimSwapReturnType<chain extends FerryChain = FerryChain> = {
  transactionHash: TransactionHashOf<chain>
}

export type ClaimSwapErrorType =
  | HtlcPreimageLengthError
  | WrongSwapPreimageError
  | SwapLockNotOpenError
  | SwapLockExpiredError
  | NoHtlcError
  | MissingSignerError
  | EndpointRevertedError
  | Error

/**
 * Claims a lock for its recipient with the secret (spec/apps/htlc.md §6), reading the lock first
 * so that nothing is signed, and the secret not revealed, for a claim the HTLC would refuse: a
 * preimage that is not 32 bytes (`HtlcPreimageLengthError`) or not the hashlock's
 * (`WrongSwapPreimageError`), a lock that is not open (`SwapLockNotOpenError`) or past its
 * timelock (`SwapLockExpiredError`). Warns (`onWarning`) when the claim may land after the
 * counterparty's refund window opens. If the lock prepaid a relay, the HTLC sends the secret on.
 *
 * @example
 * await claimSwap(client, { chain: 'wasm', lockId: bobsLock, preimage: secret, onWarning: (w) => { throw new Error(w.message) } })
 */
export async function claimSwap<
  const chains extends readonly FerryChain[],
  chain extends ChainRef<chains>,
>(
  client: FerryClient<chains>,
  { chain: ref, lockId, preimage, finality, onWarning }: ClaimSwapParameters<chains, chain>,
): Promise<ClaimSwapReturnType<ChainOf<chains, chain>>> {
  const chain: FerryChain = client.chain(ref)
  const hash = getHtlcHashlock(preimage)
  const lock = await readSwapLock(client, chain, lockId, 'claimSwap')
  if (lock.state !== 'open')
    throw new SwapLockNotOpenError({ chain: chain.name, lockId, state: lock.state })
  if (lock.blockTime >= lock.timelock)
    throw new SwapLockExpiredError({
      chain: chain.name,
      lockId,
      timelock: lock.timelock,
      blockTime: lock.blockTime,
    })
  if (hash !== lock.hashlock.toLowerCase())
    throw new WrongSwapPreimageError({ chain: chain.name, lockId, hashlock: lock.hashlock, hash })
  const seconds = finality ?? DEFAULT_SWAP_FINALITY[chain.kind]
  if (onWarning !== undefined && lock.blockTime + BigInt(seconds) >= lock.timelock)
    await onWarning({
      code: 'claim_near_refund_window',
      chain: chain.name,
      lockId,
      timelock: lock.timelock,
      blockTime: lock.blockTime,
      finality: seconds,
      message: `The claim of ${lockId} on ${chain.name} may be final only after its timelock ${lock.timelock} (${lock.timelock - lock.blockTime}s left, finality ${seconds}s), when the counterparty can refund it.`,
    })
  if (chain.kind === 'evm') {
    const receipt = await writeEvmContract(chain, client.reader(chain), {
      address: getEvmHtlc(chain, 'claimSwap'),
      abi: hashedTimelockAbi,
      functionName: 'claim',
      args: [lockId, preimage],
    })
    // CAST: the chain is EVM: its transaction hashes are Hash.
    return { transactionHash: receipt.transactionHash } as ClaimSwapReturnType<
      ChainOf<chains, chain>
    >
  }
  // Loaded here so that an app on EVM chains alone never loads the CosmWasm bindings.
  const { settleOnCosmWasm } = await import('./internal/cosmwasm/htlcOnCosmWasm.js')
  // CAST: the chain is CosmWasm: its transaction hashes are strings.
  return (await settleOnCosmWasm(
    chain,
    { claim: { id: lockId, preimage } },
    'claimSwap',
  )) as ClaimSwapReturnType<ChainOf<chains, chain>>
}
