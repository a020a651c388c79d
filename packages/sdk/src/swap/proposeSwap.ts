import { getHtlcHashlock } from '@ferry/protocol'
import { type Hex, toHex } from 'viem'
import type { ChainRef, FerryClient } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'
import type { UnsafeSwapTimelocksError } from '../errors/UnsafeSwapTimelocksError.js'
import { nowSeconds } from '../utils/nowSeconds.js'
import { checkSwapTimelocks, getSwapTimelockGap } from './checkSwapTimelocks.js'

/**
 * Seconds until a block is final, by chain kind, when a leg does not say: two epochs of Ethereum
 * (the slowest EVM finality Ferry's validators wait for) and one CometBFT block.
 */
export const DEFAULT_SWAP_FINALITY = { evm: 900, cosmwasm: 6 } as const
/** How long the participant's lock lasts when no timelocks are given: one hour from now. */
export const DEFAULT_SWAP_PARTICIPANT_DURATION = 3_600n

/** One side of a swap: what a party locks, and where. */
export type SwapLegInput<chains extends readonly FerryChain[] = readonly FerryChain[]> = {
  /** The chain this party locks on (name or domain). */
  chain: ChainRef<chains>
  /** What this party locks, in base units (wei; the denom's smallest unit). */
  amount: bigint
  /** An ERC-20 on EVM, a denom on CosmWasm; the chain's native token (EVM) or the endpoint's fee denom (CosmWasm) when left out. */
  token?: string | undefined
  /** Seconds until the chain's blocks are final; `DEFAULT_SWAP_FINALITY` of its kind by default. */
  finality?: number | undefined
}

export type ProposeSwapParameters<chains extends readonly FerryChain[] = readonly FerryChain[]> = {
  /** Who draws the secret and locks first. */
  initiator: SwapLegInput<chains>
  /** Who locks second, for the initiator, once the initiator's lock is seen. */
  participant: SwapLegInput<chains>
  /**
   * Absolute unix seconds. By default the participant's lock lasts an hour from now and the
   * initiator's exactly the safe gap longer. Refused (`UnsafeSwapTimelocksError`) when unsafe.
   */
  timelocks?: { initiator: bigint; participant: bigint } | undefined
  /** Seconds on top of both finalities; `DEFAULT_SWAP_TIMELOCK_MARGIN` by default. */
  margin?: number | undefined
}

/** A leg of the terms, JSON-safe: amounts and timelocks are decimal strings. */
export type SwapTermsLeg = {
  /** The chain's Ferry domain. */
  domain: number
  /** The chain's name in the proposer's client (advisory: the domain is what counts). */
  chain: string
  amount: string
  /** An ERC-20 or denom; absent for the chain's native token (lockSwap's default). */
  token?: string | undefined
  /** The lock's timelock, unix seconds. */
  timelock: string
}

/** What the two parties agree on, safe to share and to `JSON.stringify`: no secret in it. */
export type SwapTerms = {
  /** The swap terms' format version. */
  version: 1
  /** sha256 of the secret: both locks use it. */
  hashlock: Hex
  initiator: SwapTermsLeg
  participant: SwapTermsLeg
}

export type ProposeSwapReturnType = {
  /** The 32-byte secret: the initiator keeps it to herself until she claims. */
  secret: Hex
  /** The terms to send the participant. */
  terms: SwapTerms
}

export type ProposeSwapErrorType = UnsafeSwapTimelocksError | RangeError | Error

/**
 * Proposes an atomic swap (spec/apps/htlc.md §1): draws a fresh 32-byte secret
 * (`crypto.getRandomValues`), its sha256 hashlock, and timelocks safe for the participant: the
 * initiator's exceeds the participant's by both chains' finality plus a margin
 * (`checkSwapTimelocks`). Reads no chain. The initiator keeps `secret`; `terms` (JSON-safe, no
 * secret) is what she sends the participant, who checks her lock against it before locking.
 *
 * @example
 * const { secret, terms } = proposeSwap(client, {
 *   initiator: { chain: 'evm', amount: 10n ** 17n },
 *   participant: { chain: 'wasm', amount: 5_000_000n, token: 'ustake' },
 * })
 * await send(JSON.stringify(terms)) // to the participant, any channel
 */
export function proposeSwap<const chains extends readonly FerryChain[]>(
  client: FerryClient<chains>,
  { initiator, participant, timelocks, margin }: ProposeSwapParameters<chains>,
): ProposeSwapReturnType {
  const initiatorChain: FerryChain = client.chain(initiator.chain)
  const participantChain: FerryChain = client.chain(participant.chain)
  const participantTimelock =
    timelocks?.participant ?? nowSeconds() + DEFAULT_SWAP_PARTICIPANT_DURATION
  const finality = {
    initiatorChainFinality: initiator.finality ?? DEFAULT_SWAP_FINALITY[initiatorChain.kind],
    participantChainFinality: participant.finality ?? DEFAULT_SWAP_FINALITY[participantChain.kind],
    margin,
  }
  const initiatorTimelock =
    timelocks?.initiator ?? participantTimelock + getSwapTimelockGap(finality)
  checkSwapTimelocks({ ...finality, initiatorTimelock, participantTimelock })
  const secret = crypto.getRandomValues(new Uint8Array(32))
  const leg = (chain: FerryChain, input: SwapLegInput<chains>, timelock: bigint): SwapTermsLeg => ({
    domain: chain.domain,
    chain: chain.name,
    amount: input.amount.toString(),
    ...(input.token !== undefined && { token: input.token }),
    timelock: timelock.toString(),
  })
  return {
    secret: toHex(secret),
    terms: {
      version: 1,
      hashlock: getHtlcHashlock(secret),
      initiator: leg(initiatorChain, initiator, initiatorTimelock),
      participant: leg(participantChain, participant, participantTimelock),
    },
  }
}
