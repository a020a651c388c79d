import { BaseError } from '@ferry/protocol'
import type { Hex } from 'viem'

/**
 * The validator's tree, rebuilt from final events, disagrees with the endpoint's own root or
 * count at that block: it refuses to sign until they agree (a bad RPC or a deep reorg).
 */
export class TreeMismatchError extends BaseError {
  override name = 'TreeMismatchError'
  constructor(args: {
    domain: number
    blockNumber: bigint
    expected: { root: Hex; count: number }
    actual: { root: Hex; count: number }
  }) {
    super(
      `Rebuilt tree of domain ${args.domain} differs from the endpoint's at block ${args.blockNumber}.`,
      {
        metaMessages: [
          `endpoint: root ${args.expected.root}, count ${args.expected.count}`,
          `rebuilt:  root ${args.actual.root}, count ${args.actual.count}`,
        ],
        retryable: true,
      },
    )
  }
}

/** Events skipped leaves: the indexer got `leafIndex` where it expected `expected`. */
export class LeafGapError extends BaseError {
  override name = 'LeafGapError'
  constructor(args: { domain: number; expected: number; leafIndex: number }) {
    super(`Domain ${args.domain}: expected leaf ${args.expected}, got leaf ${args.leafIndex}.`, {
      retryable: true,
    })
  }
}

/**
 * The store already holds a different root signed at this index: signing again would be
 * equivocation, which a validator must never do, so the validator stops signing.
 */
export class EquivocationRefusedError extends BaseError {
  override name = 'EquivocationRefusedError'
  constructor(args: { origin: number; index: number; signed: Hex; requested: Hex }) {
    super(`Refused to sign a second root for checkpoint ${args.index} of domain ${args.origin}.`, {
      metaMessages: [`already signed: ${args.signed}`, `requested:      ${args.requested}`],
      retryable: false,
    })
  }
}

/** A checkpoint index beyond what is final on the origin: nothing to sign yet. */
export class CheckpointNotFinalError extends BaseError {
  override name = 'CheckpointNotFinalError'
  constructor(args: { origin: number; index: number; finalCount: number }) {
    super(
      `Checkpoint ${args.index} of domain ${args.origin} is not final (final leaves: ${args.finalCount}).`,
      {
        retryable: true,
      },
    )
  }
}
