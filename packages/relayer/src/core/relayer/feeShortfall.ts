/**
 * How much more a message must pay before a fee policy asking `minimumFee` delivers it, in its
 * origin's base units: `minimumFee − feePaid`, or 0 when it paid enough. `feePaid` is what the
 * store keeps, the fee at send with every top-up already counted in, so `feeAdded` must not be
 * added again. What `sortClaimed` holds a message back on and what the API serves as its
 * `underpaid.missing`, computed in one place so that the two never disagree.
 *
 * @example
 * feeShortfall({ feePaid: 300n, minimumFee: 1_000n }) // 700n
 */
export function feeShortfall({
  feePaid,
  minimumFee,
}: {
  feePaid: bigint
  minimumFee: bigint
}): bigint {
  return feePaid < minimumFee ? minimumFee - feePaid : 0n
}
