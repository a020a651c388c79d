import { decodeAbiParameters, encodeAbiParameters, type Hex } from 'viem'
import { InvalidRemoteResultsError } from '../errors/remoteCall.js'

const resultsType = [{ type: 'bytes[]' }] as const

/**
 * What an interchain-account router returns for a batch, on both destination kinds (and so what
 * the message's result and its ack carry): `abi.encode(bytes[])`, one element per call.
 *
 * @example
 * ```ts
 * encodeRemoteResults(['0x', '0x000000000000000000000000000000000000000000000000000000000000002a'])
 * ```
 */
export function encodeRemoteResults(results: readonly Hex[]): Hex {
  return encodeAbiParameters(resultsType, [results])
}

/**
 * The per-call results of a remote call, from the message's result or its ack's;
 * `InvalidRemoteResultsError` when they are not `abi.encode(bytes[])` (e.g. cut at 1,024 bytes).
 *
 * @example
 * ```ts
 * const [first] = decodeRemoteResults(state.result)
 * ```
 */
export function decodeRemoteResults(result: Hex): readonly Hex[] {
  try {
    const [results] = decodeAbiParameters(resultsType, result)
    return results
  } catch (cause) {
    throw new InvalidRemoteResultsError({ length: (result.length - 2) / 2, cause })
  }
}
