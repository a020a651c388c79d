/**
 * Compressed bytes of a one-message delivery beside its body and its proof's siblings, measured
 * on Hardhat's OP Stack chain (`test/e2e/rollupFees.test.ts`): the transaction's envelope and
 * signature, the call's encoding, the message header, the checkpoint and its signatures.
 */
export const L1_DELIVERY_BASE_BYTES = 380

/**
 * The `overheadBytes` the relayer sets for a rollup destination (PROTOCOL §9): the base of a
 * delivery plus 32 bytes for each sibling a proof against an origin tree of `leafCount` leaves
 * can hold (its height), since hashes do not compress. The next message sent is leaf
 * `merkleCount`, proven in a tree of `merkleCount + 1` leaves.
 *
 * @example
 * l1OverheadBytes(1_000) // 380 + 32 × 10
 */
export function l1OverheadBytes(leafCount: number): number {
  const height = leafCount <= 1 ? 0 : Math.ceil(Math.log2(leafCount))
  return L1_DELIVERY_BASE_BYTES + 32 * height
}
