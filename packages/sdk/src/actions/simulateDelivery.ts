import { type DeliveryVerdict, decodeMessage, getMessageId, type Message } from '@ferry/protocol'
import type { Hex } from 'viem'
import type { ChainRef, FerryClient } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'
import type { AlreadyDeliveredError } from '../errors/AlreadyDeliveredError.js'
import type { RecoveryHint } from '../errors/FerryError.js'
import { InvalidMessageIdError } from '../errors/InvalidMessageIdError.js'
import { MessageNotFoundError } from '../errors/MessageNotFoundError.js'
import type { NotProvableError } from '../errors/NotProvableError.js'
import type { SimulationUndecidedError } from '../errors/SimulationUndecidedError.js'
import { SimulationUnsupportedError } from '../errors/SimulationUnsupportedError.js'
import { readDeliveryProofs } from './internal/readDeliveryProofs.js'
import { readSentMessage } from './internal/readSentMessage.js'
import type { DecodedRevert } from './internal/simulation/decodeEvmRevert.js'
import type { RecipientAbis } from './internal/simulation/knownEvmAbis.js'

export type { DecodedRevert, RecipientAbis }

export type SimulateDeliveryParameters<
  chains extends readonly FerryChain[] = readonly FerryChain[],
> = {
  /** The message id. */
  id: Hex
  /** Its origin chain (name or domain), when known: saves a search of every chain. */
  origin?: ChainRef<chains> | undefined
  /** The handler's gas limit for the retry of a Failed message (default: the message's own). */
  gasLimit?: number | undefined
  /**
   * Run on the state after this block of the destination (default: its head). The state a past
   * delivery met is the one after the block before the delivery's.
   */
  block?: bigint | undefined
  /**
   * Deliver with this proof (or the one this returns, asked for only when the message is
   * undelivered) instead of reading it: a relayer's own, or one to see why it is refused.
   */
  proof?: Hex | (() => Promise<Hex>) | undefined
  /**
   * The encoded message, when the caller holds it (a relayer's store): with `proof`, the
   * message is not looked up on its origin. Its id must be `id`.
   */
  encoded?: Hex | undefined
  /** ABIs by recipient address, to decode reverts and frames of contracts Ferry does not ship. */
  abis?: RecipientAbis | undefined
  signal?: AbortSignal | undefined
}

/** The frame of the call tree where a failure started. */
export type FailingFrame = {
  contract: string
  /** The 4-byte selector it was called with. */
  selector: Hex
  /** The function's name, when an ABI known to the simulation has the selector. */
  functionName: string | undefined
  /** Calls deep, from the call to the endpoint (0); a handler is at 1. */
  depth: number
}

/** What a dry run of a delivery (or of a Failed message's retry) concluded, and why. */
export type DeliverySimulation = {
  id: Hex
  /** The destination chain's name. */
  chain: string
  /** The destination block whose state the run started from. */
  block: bigint
  /** `deliver` for an undelivered message, `retry` for a Failed one. */
  call: 'deliver' | 'retry'
  /** The gas the handler was given. */
  gasLimit: number
  /** `would_succeed`, or the failure reason that stops it (`@ferry/protocol`'s list). */
  verdict: DeliveryVerdict
  /** The verdict, for people. */
  description: string
  /** Gas the handler used, when it was called. */
  gasUsed: number | undefined
  /** What the failing call reverted with, decoded. */
  revert: DecodedRevert | undefined
  /** Where in the call tree the failure started. */
  frame: FailingFrame | undefined
  /** `nonce_out_of_order`: the nonce the channel waits for. */
  blockedBy: { nonce: bigint } | undefined
  /**
   * What to do: `retryMessage` with the smallest gas limit that succeeds (`handler_out_of_gas`),
   * `relayMessage` (delivers the channel's earlier messages first), `timeoutMessage`.
   */
  recovery: RecoveryHint | undefined
}

export type SimulateDeliveryReturnType = DeliverySimulation

export type SimulateDeliveryErrorType =
  | MessageNotFoundError
  | AlreadyDeliveredError
  | NotProvableError
  | SimulationUndecidedError
  | SimulationUnsupportedError
  | InvalidMessageIdError
  | Error

/**
 * Says exactly why a message's delivery fails, or that it would succeed, by running it on its
 * destination without sending anything: the delivery of an undelivered message with its real
 * proof (from the relayer API, else built from the origin's validators), or the retry of a
 * Failed one with `gasLimit`, on the state after `block` (default: the head). On EVM it traces
 * the call (`debug_traceCall`, which the destination's RPC must serve) and answers with a
 * verdict from `@ferry/protocol`'s failure reasons: the endpoint's refusal (`paused`,
 * `nonce_out_of_order` with the nonce it waits for, the proof check that failed, …), or the
 * handler's outcome: `would_succeed` (gas used against the limit), `handler_reverted` with the
 * revert decoded (`Error(string)`, `Panic(code)`, custom errors of Ferry's ABIs and `abis`),
 * `handler_out_of_gas` with the smallest gas limit that succeeds (`recovery`), found by search,
 * `recipient_not_contract`, `deadline_passed`; with the frame of the call tree where it failed.
 *
 * @example
 * const simulation = await simulateDelivery(client, { id })
 * if (simulation.verdict === 'handler_out_of_gas' && simulation.recovery?.action === 'retryMessage')
 *   await retryMessage(client, { message: encoded, gasLimit: simulation.recovery.gasLimit })
 */
export async function simulateDelivery<const chains extends readonly FerryChain[]>(
  client: FerryClient<chains>,
  { id, origin, gasLimit, block, proof, encoded, abis, signal }: SimulateDeliveryParameters<chains>,
): Promise<SimulateDeliveryReturnType> {
  const { message, readProof } = await resolveSimulated(client, {
    id,
    origin,
    proof,
    encoded,
    signal,
  })
  const destination = client.chain(message.destination)
  if (destination.kind === 'evm') {
    const { simulateOnEvm } = await import('./internal/simulation/simulateOnEvm.js')
    return simulateOnEvm(client, destination, {
      id,
      encoded: message.encoded,
      message,
      proof: readProof,
      gasLimit,
      block,
      abis,
    })
  }
  throw new SimulationUnsupportedError({ chain: destination.name, kind: destination.kind })
}

/** The message to simulate and how its proof is read: as given, or from the origin and its validators. */
async function resolveSimulated(
  client: FerryClient,
  {
    id,
    origin,
    proof,
    encoded,
    signal,
  }: Pick<SimulateDeliveryParameters, 'id' | 'origin' | 'proof' | 'encoded' | 'signal'>,
): Promise<{ message: Message & { encoded: Hex }; readProof: () => Promise<Hex> }> {
  const given = typeof proof === 'function' ? proof : async () => proof ?? '0x'
  if (encoded !== undefined && proof !== undefined) {
    if (getMessageId(encoded) !== id)
      throw new InvalidMessageIdError({ id, actual: getMessageId(encoded) })
    return { message: { ...decodeMessage(encoded), encoded }, readProof: given }
  }
  const { sent } = await readSentMessage(client, { id, origin, signal })
  if (!sent) throw new MessageNotFoundError({ id })
  const destination = client.chain(sent.destination)
  const readProof =
    proof !== undefined
      ? given
      : async () => {
          const [read] = await readDeliveryProofs(client, { messages: [sent], destination, signal })
          return read ?? '0x'
        }
  return { message: sent, readProof }
}
