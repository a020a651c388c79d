import type { Hex } from 'viem'

/**
 * A multisig proof (PROTOCOL §6), decoded: leaf `leafIndex` is in the tree whose root, after
 * leaf `checkpointIndex`, the signers signed.
 *
 * @example
 * ```ts
 * const proof: Proof = { checkpointIndex: 7, leafIndex: 5, branch, signatures }
 * ```
 */
export type Proof = {
  /** Index of the signed checkpoint (u32). */
  checkpointIndex: number
  /** Index of the message's leaf (u32). */
  leafIndex: number
  /** 32 siblings of the leaf, from its level up. */
  branch: readonly Hex[]
  /** 65-byte `r | s | v` signatures of the checkpoint, sorted by signer address ascending. */
  signatures: readonly Hex[]
}
