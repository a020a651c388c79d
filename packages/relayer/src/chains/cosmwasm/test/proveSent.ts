import {
  encodeBatchProofs,
  MerkleTree,
  signCheckpoint,
  sortSignaturesBySigner,
} from '@ferry/protocol'
import type { SentMessageEvent } from '@ferry/sdk'
import { checkpointsVectors } from '@ferry/spec'
import type { Hex } from 'viem'

/**
 * Proofs of `messages` under the checkpoint after the last of `sent` (everything the origin sent,
 * in leaf order), signed by the first three of the shared vectors' validators, with the
 * signatures on the first proof only: what a relayer hands `deliverBatch`.
 *
 * @example
 * const proofs = await proveSent({ origin: 7001, originEndpoint, sent, messages: sent })
 */
export async function proveSent({
  origin,
  originEndpoint,
  sent,
  messages,
}: {
  origin: number
  originEndpoint: Hex
  sent: readonly SentMessageEvent[]
  messages: readonly SentMessageEvent[]
}): Promise<Hex[]> {
  const tree = new MerkleTree(sent.map((event) => event.id))
  const checkpoint = { origin, originEndpoint, root: tree.root(), index: tree.count - 1 }
  const signatures = await sortSignaturesBySigner({
    checkpoint,
    signatures: await Promise.all(
      checkpointsVectors.validators
        .slice(0, 3)
        .map(({ privateKey }) => signCheckpoint({ privateKey, checkpoint })),
    ),
  })
  return encodeBatchProofs({
    checkpointIndex: checkpoint.index,
    signatures,
    leaves: messages.map(({ leafIndex }) => ({
      leafIndex,
      branch: tree.getProof(leafIndex).branch,
    })),
  })
}
