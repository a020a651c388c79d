import { type Checkpoint, MerkleTree, signCheckpoint } from '@ferry/protocol'
import type { ChainReader } from '@ferry/sdk'
import type { Logger } from 'pino'
import type { Hex } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import type { RelayerStore, SignedCheckpointRow } from '../../store/types.js'
import {
  CheckpointNotFinalError,
  EquivocationRefusedError,
  LeafGapError,
  TreeMismatchError,
} from '../errors.js'
import { type Finality, getFinalBlock } from '../finality/getFinalBlock.js'

export type CreateValidatorParameters = {
  /** The origin chain whose endpoint this validator watches. */
  chain: ChainReader
  store: RelayerStore
  /** The validator's secp256k1 key; only `signCheckpoint` sees it. */
  privateKey: Hex
  /** When a block is final (PROTOCOL §5): it signs nothing above that block. */
  finality: Finality
  /** Most blocks one pass reads events from (an RPC's `eth_getLogs` range limit). */
  maxBlockSpan?: number | undefined
  logger: Logger
}

/** A validator of one origin; {@link runValidator} drives its passes. */
export type Validator = {
  /** The signer's address: what destinations' verifiers list. */
  readonly address: Hex
  readonly domain: number
  /** Leaves in final blocks that the validator holds. */
  readonly finalCount: number
  /**
   * Reads final blocks past the cursor, extends the tree, checks it against the endpoint's own
   * root at that block, and signs the latest checkpoint. Returns `'again'` while behind.
   */
  pass(signal?: AbortSignal): Promise<'again' | undefined>
  /** The signed checkpoint at `index`, signing it now if it is final and not signed yet. */
  getCheckpoint(index: number): Promise<SignedCheckpointRow>
  /** The highest checkpoint signed so far. */
  getLatest(): Promise<SignedCheckpointRow | undefined>
}

/**
 * A validator: signs checkpoints of one origin endpoint, only over final blocks, and
 * never two roots for one index, across restarts: every signature is written to the store
 * (whose primary key is validator, origin, index) before it is served, and one already there
 * wins. Its tree is rebuilt from the store's saved leaves at start, then extended from events.
 *
 * @example
 * const validator = await createValidator({ chain, store, privateKey, finality: { confirmations: 2 }, logger })
 * await validator.pass()
 * const latest = await validator.getLatest()
 */
export async function createValidator({
  chain,
  store,
  privateKey,
  finality,
  maxBlockSpan = 2_000,
  logger,
}: CreateValidatorParameters): Promise<Validator> {
  const address = privateKeyToAddress(privateKey).toLowerCase() as Hex // CAST: lower-case of an address is an address
  const domain = chain.domain
  const stream = `validator:${address}`
  const log = logger.child({ module: 'validator', domain, validator: address })

  let tree = await loadTree()
  // Leaves checked against the endpoint's root. `tree` may briefly hold more while a pass checks
  // them; a root at an index below this count depends only on checked leaves, so it is safe to sign.
  let checkedCount = tree.count
  // The final block a pass last finished at: until another block is final there is nothing to
  // do, and a poll costs one RPC call instead of a store query too.
  let doneThrough: bigint | undefined

  async function loadTree(): Promise<MerkleTree> {
    const loaded = new MerkleTree()
    const page = 10_000
    for (;;) {
      const leaves = await store.getValidatorLeaves(
        address,
        domain,
        loaded.count,
        loaded.count + page,
      )
      for (const leaf of leaves) loaded.insert(leaf)
      if (leaves.length < page) return loaded
    }
  }

  function checkpointAt(index: number): Checkpoint {
    return { origin: domain, originEndpoint: chain.endpoint, root: tree.root(index + 1), index }
  }

  async function sign(index: number): Promise<SignedCheckpointRow> {
    if (index >= checkedCount)
      throw new CheckpointNotFinalError({ origin: domain, index, finalCount: checkedCount })
    const checkpoint = checkpointAt(index)
    const existing = await store.getSignedCheckpoint(address, domain, index)
    if (existing) return checkEquivocation(existing, checkpoint.root)
    const signature = await signCheckpoint({ privateKey, checkpoint })
    const stored = await store.saveSignedCheckpoint({
      validator: address,
      origin: domain,
      originEndpoint: chain.endpoint,
      index,
      root: checkpoint.root,
      signature,
    })
    const row = checkEquivocation(stored, checkpoint.root)
    log.debug({ index, root: row.root }, 'signed checkpoint')
    return row
  }

  function checkEquivocation(stored: SignedCheckpointRow, root: Hex): SignedCheckpointRow {
    if (stored.root === root) return stored
    const error = new EquivocationRefusedError({
      origin: domain,
      index: stored.index,
      signed: stored.root,
      requested: root,
    })
    log.error({ err: error }, 'refusing to equivocate')
    throw error
  }

  return {
    address,
    domain,
    get finalCount() {
      return checkedCount
    },
    async pass(signal) {
      const { final } = await getFinalBlock(chain, finality, signal)
      if (final < 0n || final === doneThrough) return undefined
      const cursor = await store.getCursor(stream, domain)
      const from = cursor ? cursor.number + 1n : 0n
      if (from > final) return undefined
      const to = final < from + BigInt(maxBlockSpan) - 1n ? final : from + BigInt(maxBlockSpan) - 1n

      const events = await chain.getSentMessages(from, to, signal)
      const leaves: { index: number; id: Hex }[] = []
      for (const event of events) {
        const expected = tree.count + leaves.length
        if (event.leafIndex !== expected)
          throw new LeafGapError({ domain, expected, leafIndex: event.leafIndex })
        leaves.push({ index: event.leafIndex, id: event.id })
      }
      const onChain = await chain.getTree(to, signal)
      for (const { id } of leaves) tree.insert(id)
      const root = tree.root()
      if (onChain.count !== tree.count || onChain.root !== root) {
        const actual = { root, count: tree.count }
        // The unsaved leaves must not stay: start again from what the store holds.
        tree = await loadTree()
        throw new TreeMismatchError({ domain, blockNumber: to, expected: onChain, actual })
      }
      if (leaves.length > 0) await store.saveValidatorLeaves(address, domain, leaves)
      checkedCount = tree.count
      if (checkedCount > 0) await sign(checkedCount - 1)
      const hash = (await chain.getBlockHash(to, signal)) ?? ''
      await store.setCursor(stream, { domain, number: to, hash })
      if (leaves.length > 0) log.info({ toBlock: to, leaves: tree.count }, 'indexed final leaves')
      if (to < final) return 'again'
      doneThrough = final
      return undefined
    },
    getCheckpoint: sign,
    getLatest: () => store.latestSignedCheckpoint(address, domain),
  }
}
