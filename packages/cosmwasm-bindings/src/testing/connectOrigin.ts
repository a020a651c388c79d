import { type SetOriginReturnType, setOrigin } from '../client/actions/setOrigin.js'
import type { CosmWasmExecutor } from '../client/types.js'
import type { Hex } from '../types.js'

export type ConnectOriginParameters = {
  /** The endpoint that will accept messages from `origin`. */
  endpoint: string
  /** Its owner, who executes `set_origin`. */
  owner: string
  origin: number
  /** The origin's endpoint as bytes32 (`evmAddressToBytes32`, `bech32ToBytes32`). */
  originEndpoint: Hex
  /** The origin's validators (Ethereum addresses), in any order. */
  validators: readonly Hex[]
  /** How many of them must sign a checkpoint. */
  threshold: number
}

export type ConnectOriginReturnType = SetOriginReturnType

/**
 * Makes `endpoint` accept messages from `origin`: `set_origin` with the origin's endpoint, its
 * validators sorted ascending (as the endpoint requires), and the threshold. Works on any
 * executor: the embedded chain, or a node through `fromSigningClient`.
 *
 * @example
 * ```ts
 * await connectOrigin(chain, {
 *   endpoint,
 *   owner,
 *   origin: 31337,
 *   originEndpoint: evmAddressToBytes32(evmEndpoint),
 *   validators: [validatorA, validatorB, validatorC],
 *   threshold: 2,
 * })
 * ```
 */
export function connectOrigin(
  executor: CosmWasmExecutor,
  { endpoint, owner, origin, originEndpoint, validators, threshold }: ConnectOriginParameters,
): Promise<ConnectOriginReturnType> {
  const sorted = [...validators].sort((a, b) => {
    const [x, y] = [BigInt(a), BigInt(b)]
    return x < y ? -1 : x > y ? 1 : 0
  })
  return setOrigin(executor, {
    contract: endpoint,
    sender: owner,
    origin,
    originEndpoint,
    validators: sorted,
    threshold,
  })
}
