import { type Checkpoint, encodeBatchProofs, recoverCheckpointSigner } from '@ferry/protocol'
import { type Logger, pino } from 'pino'
import type { Hex } from 'viem'
import {
  type CheckpointFetcher,
  createCheckpointFetcher,
} from '../../core/relayer/createCheckpointFetcher.js'
import { createOriginTree, type OriginTree } from '../../core/relayer/originTree.js'
import type { RelayerStore, StoredMessage } from '../../store/types.js'
import type { ProbedValidators } from '../monitor/createValidatorProbe.js'

export type CreateProofSourceParameters = {
  store: RelayerStore
  /** Per origin domain, its endpoint as bytes32 (the checkpoints' `originEndpoint`). */
  endpoints: ReadonlyMap<number, Hex>
  /** Per origin domain, its validators' URLs and threshold (as `runRelayer` takes them). */
  validators: ProbedValidators
  logger?: Logger | undefined
}

/** What `prove` found: a deliverable proof, or why there is none yet. */
export type ProveResult =
  | {
      type: 'ready'
      checkpoint: Checkpoint
      /** `threshold` signatures, sorted by signer as the verifier requires (PROTOCOL §6). */
      signatures: Hex[]
      signers: Hex[]
      /** `deliver(message, proof)`'s proof: the branch and the signatures. */
      proof: Hex
    }
  | { type: 'waiting'; reason: 'waiting_finality' | 'waiting_signatures'; detail: string }
  | { type: 'unavailable'; reason: 'no_validators' | 'orphaned'; detail: string }

export type ProofSource = {
  prove(message: StoredMessage, signal?: AbortSignal): Promise<ProveResult>
}

/**
 * Proofs for `GET /v1/messages/{id}/proof`, for anyone who delivers a message themselves: per
 * origin the same tree (`createOriginTree`, from the store's indexed leaves) and checkpoint
 * fetcher (`createCheckpointFetcher`: a threshold of validator signatures, each recovered and its
 * root checked against the tree) the relayer delivers with, kept apart from the relayer's own so
 * the API never waits on a delivery loop. Signatures are asked for on demand, so a message the
 * relayer does not deliver (an unserved route, an underpaid fee) can still be proven.
 *
 * @example
 * ```ts
 * const proofs = createProofSource({ store, endpoints, validators })
 * const result = await proofs.prove(message)
 * if (result.type === 'ready') console.log(result.proof)
 * ```
 */
export function createProofSource({
  store,
  endpoints,
  validators,
  logger,
}: CreateProofSourceParameters): ProofSource {
  const origins = new Map<number, { tree: OriginTree; fetcher: CheckpointFetcher }>()
  const originOf = (domain: number) => {
    const known = origins.get(domain)
    if (known) return known
    const set = validators.get(domain)
    const endpoint = endpoints.get(domain)
    if (!set || !endpoint) return undefined
    const made = {
      tree: createOriginTree(store, domain),
      fetcher: createCheckpointFetcher({
        origin: domain,
        originEndpoint: endpoint,
        validators: set,
        timeoutMs: set.timeoutMs,
        logger: logger?.child({ module: 'api-proofs' }) ?? pino({ level: 'silent' }),
      }),
    }
    origins.set(domain, made)
    return made
  }

  return {
    async prove(message, signal) {
      if (message.stage === 'orphaned')
        return { type: 'unavailable', reason: 'orphaned', detail: 'a reorg removed its block' }
      if (message.stage === 'pending')
        return {
          type: 'waiting',
          reason: 'waiting_finality',
          detail: 'its origin block is not final yet; validators sign final blocks only',
        }
      const origin = originOf(message.origin)
      if (!origin)
        return {
          type: 'unavailable',
          reason: 'no_validators',
          detail: `this relayer knows no validators of origin ${message.origin}`,
        }
      const { tree, fetcher } = origin
      // The tree is kept between requests; after a reorg its leaf here may differ: rebuild it.
      if (tree.count > message.leafIndex && tree.leafAt(message.leafIndex) !== message.id)
        tree.reset()
      if (!(await tree.ensure(message.leafIndex + 1)))
        return {
          type: 'waiting',
          reason: 'waiting_finality',
          detail: 'the leaves before it are not indexed yet',
        }
      const result = await fetcher.fetch({
        minIndex: message.leafIndex,
        available: tree.count,
        rootAt: (count) => tree.rootAt(count),
        signal,
      })
      if (result.type === 'waiting')
        return { type: 'waiting', reason: 'waiting_signatures', detail: result.detail }
      const { checkpoint, signatures } = result.gathered
      const [proof] = encodeBatchProofs({
        checkpointIndex: checkpoint.index,
        signatures,
        leaves: [
          {
            leafIndex: message.leafIndex,
            branch: tree.getBranch(message.leafIndex, checkpoint.index + 1),
          },
        ],
      })
      if (proof === undefined) throw new Error('encodeBatchProofs returned no proof for one leaf')
      const signers = await Promise.all(
        signatures.map((signature) => recoverCheckpointSigner({ checkpoint, signature })),
      )
      return { type: 'ready', checkpoint, signatures, signers, proof }
    },
  }
}
