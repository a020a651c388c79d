import type { BlockRef, ChainReader } from '@ferry/sdk'

/**
 * When a block counts as final on an origin (PROTOCOL §5): a number of blocks on top of it, or
 * the chain's own `safe` or `finalized` block, for chains whose nodes serve those tags (post-merge
 * Ethereum, OP Stack rollups, whose soft blocks are final only once their batch is on L1).
 */
export type Finality = { confirmations: number } | { tag: 'safe' | 'finalized' }

export type GetFinalBlockReturnType = {
  /** The latest block. */
  head: BlockRef
  /** The highest final block number, at most the head's; negative when nothing is final yet. */
  final: bigint
}

/**
 * The latest block and the highest final one under `finality`: `head − confirmations`, or the
 * block the node tags. The tagged block is read after the head and capped at it, so a block the
 * caller has not seen as the head is never called final.
 *
 * @example
 * const { head, final } = await getFinalBlock(chain, { tag: 'finalized' }, signal)
 */
export async function getFinalBlock(
  chain: ChainReader,
  finality: Finality,
  signal?: AbortSignal,
): Promise<GetFinalBlockReturnType> {
  const head = await chain.getHead(signal)
  if ('confirmations' in finality)
    return { head, final: head.number - BigInt(finality.confirmations) }
  const tagged = await chain.getHead(signal, finality.tag)
  // biome-ignore lint/complexity/useMathMinMax: Math.min takes no bigints.
  return { head, final: tagged.number < head.number ? tagged.number : head.number }
}
