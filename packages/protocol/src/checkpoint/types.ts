import type { Hex } from 'viem'

/**
 * What validators sign (PROTOCOL §5): the root of an origin endpoint's tree after leaf `index`.
 *
 * @example
 * ```ts
 * const checkpoint: Checkpoint = {
 *   origin: 31337, originEndpoint: evmAddressToBytes32(endpoint), root: tree.root(), index: tree.count - 1,
 * }
 * ```
 */
export type Checkpoint = {
  /** Origin domain (u32). */
  origin: number
  /** The origin endpoint's address as bytes32. */
  originEndpoint: Hex
  /** Merkle root after leaf `index` was inserted. */
  root: Hex
  /** Index of the last leaf the root covers (u32): tree count - 1. */
  index: number
}
