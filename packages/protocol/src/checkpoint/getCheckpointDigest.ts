import { encodePacked, type Hex, keccak256 } from 'viem'
import type { FieldOutOfRangeError, InvalidBytes32Error } from '../errors/encoding.js'
import { assertUint, MAX_U32, toBytes32 } from '../internal/bytes.js'
import { getCheckpointDomainHash } from './getCheckpointDomainHash.js'
import type { Checkpoint } from './types.js'

export type GetCheckpointDigestParameters = Checkpoint
export type GetCheckpointDigestReturnType = Hex
export type GetCheckpointDigestErrorType = FieldOutOfRangeError | InvalidBytes32Error

/**
 * `keccak256(domainHash | root b32 | index u32)`: the 32 bytes a validator signs (as an EIP-191
 * message) for a checkpoint.
 *
 * @example
 * ```ts
 * import { getCheckpointDigest } from '@ferry/protocol'
 *
 * const digest = getCheckpointDigest({ origin: 31337, originEndpoint, root, index: 7 })
 * ```
 */
export function getCheckpointDigest(
  checkpoint: GetCheckpointDigestParameters,
): GetCheckpointDigestReturnType {
  const { root, index } = checkpoint
  assertUint(index, MAX_U32, 'index')
  return keccak256(
    encodePacked(
      ['bytes32', 'bytes32', 'uint32'],
      [getCheckpointDomainHash(checkpoint), toBytes32(root, 'root'), index],
    ),
  )
}
