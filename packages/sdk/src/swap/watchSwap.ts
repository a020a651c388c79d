import type { Hex } from 'viem'
import type { ChainRef, FerryClient } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'
import { sleep } from '../utils/sleep.js'
import { readSwapLock } from './internal/readSwapLock.js'
import { readSwapPreimage } from './internal/readSwapPreimage.js'

/** A swap lock, by chain and id. */
export type SwapLockRef<chains extends readonly FerryChain[] = readonly FerryChain[]> = {
  chain: ChainRef<chains>
  lockId: Hex
}

/**
 * Where one leg of a swap is: `pending` (no such lock yet: the counterparty has not locked, or
 * the id is wrong), `locked` (claimable), `expired` (past its timelock: only a refund is left),
 * `claimed` (with the preimage it revealed, when its event was found) or `refunded`.
 */
export type SwapLegState =
  | { type: 'pending' }
  | { type: 'locked'; timelock: bigint }
  | { type: 'expired'; timelock: bigint }
  | { type: 'claimed'; preimage: Hex | undefined }
  | { type: 'refunded' }

export type SwapState = { initiator: SwapLegState; participant: SwapLegState }

export type WatchSwapParameters<chains extends readonly FerryChain[] = readonly FerryChain[]> = {
  /** The initiator's lock (she locks first, on her chain). */
  initiatorLock: SwapLockRef<chains>
  /** The participant's lock (he locks second, for her). */
  participantLock: SwapLockRef<chains>
  /** How often both chains are read. Default 2,000 ms. */
  pollIntervalMs?: number | undefined
  /** Stops the watch; the iterator then rejects with the signal's reason. */
  signal?: AbortSignal | undefined
}

export type WatchSwapReturnType = AsyncGenerator<SwapState, void, undefined>

export type WatchSwapErrorType = Error

/**
 * Follows both legs of a swap by reading both chains' HTLCs every `pollIntervalMs`, and yields
 * their states whenever either changes: a leg claimed carries the preimage its claim revealed
 * (what the participant needs to claim the initiator's lock by hand if Ferry is slow). Ends when
 * both legs are claimed or refunded, or when the initiator's is and the participant never
 * locked.
 *
 * @example
 * for await (const { initiator, participant } of watchSwap(client, { initiatorLock, participantLock }))
 *   if (participant.type === 'claimed' && initiator.type === 'locked')
 *     await claimSwap(client, { ...initiatorLock, preimage: participant.preimage })
 */
export async function* watchSwap<const chains extends readonly FerryChain[]>(
  client: FerryClient<chains>,
  { initiatorLock, participantLock, pollIntervalMs = 2_000, signal }: WatchSwapParameters<chains>,
): WatchSwapReturnType {
  let last: string | undefined
  // A claimed lock's preimage is searched for once: claims are final.
  const preimages = new Map<Hex, Hex | undefined>()
  for (;;) {
    signal?.throwIfAborted()
    const [initiator, participant] = await Promise.all([
      readLeg(client, initiatorLock, preimages),
      readLeg(client, participantLock, preimages),
    ])
    const key = JSON.stringify([initiator, participant], (_, value) =>
      typeof value === 'bigint' ? value.toString() : value,
    )
    if (key !== last) {
      last = key
      yield { initiator, participant }
    }
    if (isFinal(initiator) && (isFinal(participant) || participant.type === 'pending')) return
    await sleep(pollIntervalMs, signal)
  }
}

function isFinal(leg: SwapLegState): boolean {
  return leg.type === 'claimed' || leg.type === 'refunded'
}

async function readLeg(
  client: FerryClient<readonly FerryChain[]>,
  { chain: ref, lockId }: SwapLockRef<readonly FerryChain[]>,
  preimages: Map<Hex, Hex | undefined>,
): Promise<SwapLegState> {
  const chain: FerryChain = client.chain(ref)
  const lock = await readSwapLock(client, chain, lockId, 'watchSwap')
  switch (lock.state) {
    case 'none':
      return { type: 'pending' }
    case 'open':
      return lock.blockTime < lock.timelock
        ? { type: 'locked', timelock: lock.timelock }
        : { type: 'expired', timelock: lock.timelock }
    case 'claimed': {
      const preimage = preimages.has(lockId)
        ? preimages.get(lockId)
        : await readSwapPreimage(client, chain, lockId)
      if (preimage !== undefined) preimages.set(lockId, preimage)
      return { type: 'claimed', preimage }
    }
    case 'refunded':
      return { type: 'refunded' }
  }
}
