import { encodePacked, type Hex, keccak256 } from 'viem'
import type { FieldOutOfRangeError, InvalidBytes32Error } from '../errors/encoding.js'
import { assertUint, MAX_U32, toBytes32 } from '../internal/bytes.js'
import type { Checkpoint } from './types.js'

export type GetCheckpointDomainHashParameters = Pick<Checkpoint, 'origin' | 'originEndpoint'>
export type GetCheckpointDomainHashReturnType = Hex
export type GetCheckpointDomainHashErrorType = FieldOutOfRangeError | InvalidBytes32Error

/**
 * `keccak256(origin u32 | originEndpoint b32 | "FERRY")`: binds a checkpoint signature to one
 * endpoint on one chain, so it cannot be replayed for another.
 *
 * @example
 * ```ts
 * import { getCheckpointDomainHash } from '@ferry/protocol'
 *
 * const domainHash = getCheckpointDomainHash({ origin: 31337, originEndpoint })
 * ```
 */
export function getCheckpointDomainHash({
  origin,
  originEndpoint,
}: GetCheckpointDomainHashParameters): GetCheckpointDomainHashReturnType {
  assertUint(origin, MAX_U32, 'origin')
  return keccak256(
    encodePacked(
      ['uint32', 'bytes32', 'string'],
      [origin, toBytes32(originEndpoint, 'originEndpoint'), 'FERRY'],
    ),
  )
}
