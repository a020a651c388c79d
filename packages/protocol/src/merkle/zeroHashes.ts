import { bytesToHex, type Hex } from 'viem'
import { ZERO_NODES } from '../internal/merkle.js'

/**
 * Roots of empty subtrees: `ZERO_HASHES[0]` is the zero leaf, `ZERO_HASHES[i + 1]` is
 * `keccak256(ZERO_HASHES[i] | ZERO_HASHES[i])`, and `ZERO_HASHES[32]` is the root of an empty
 * tree. 33 entries.
 *
 * @example
 * ```ts
 * import { ZERO_HASHES } from '@ferry/protocol'
 *
 * new MerkleTree().root() === ZERO_HASHES[32] // true
 * ```
 */
export const ZERO_HASHES: readonly Hex[] = Object.freeze(ZERO_NODES.map((node) => bytesToHex(node)))
