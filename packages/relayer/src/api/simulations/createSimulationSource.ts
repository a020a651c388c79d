import {
  createFerryClient,
  type DeliverySimulation,
  type FerryChain,
  NotProvableError,
  type RecipientAbis,
  simulateDelivery,
} from '@ferry/sdk'
import type { StoredMessage } from '../../store/types.js'
import type { ProofSource } from '../proofs/createProofSource.js'

/** Dry runs of a stored message's delivery, for `GET /v1/messages/{id}/simulation` and `ferry debug`. */
export type SimulationSource = {
  simulate(
    message: StoredMessage,
    options: { gasLimit?: number | undefined; block?: bigint | undefined },
    signal?: AbortSignal,
  ): Promise<DeliverySimulation>
}

export type CreateSimulationSourceParameters = {
  /** The relayer's chains, as the SDK takes them (its destinations are simulated on). */
  chains: readonly FerryChain[]
  /** The proofs the API serves: an undelivered message is simulated with its real proof. */
  proofs: ProofSource
  /** ABIs registered per recipient (`relayer.debug.abis`), to decode their reverts by name. */
  abis?: RecipientAbis | undefined
}

/**
 * The SDK's `simulateDelivery` over the relayer's chains, fed from the store: the encoded
 * message it indexed and, for an undelivered one, the proof its proof source builds, so
 * nothing is looked up on the origin. A message that cannot be proven yet is a
 * `NotProvableError` (the route's 409), as from `/proof`.
 *
 * @example
 * ```ts
 * const simulations = createSimulationSource({ chains, proofs })
 * const { verdict } = await simulations.simulate(message, {})
 * ```
 */
export function createSimulationSource({
  chains,
  proofs,
  abis,
}: CreateSimulationSourceParameters): SimulationSource {
  const client = createFerryClient({ chains })
  return {
    simulate(message, { gasLimit, block }, signal) {
      return simulateDelivery(client, {
        id: message.id,
        encoded: message.encoded,
        proof: async () => {
          const result = await proofs.prove(message, signal)
          if (result.type !== 'ready')
            throw new NotProvableError({
              id: message.id,
              reason: result.reason,
              detail: result.detail,
            })
          return result.proof
        },
        gasLimit,
        block,
        abis,
        signal,
      })
    },
  }
}
