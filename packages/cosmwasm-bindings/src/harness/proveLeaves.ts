import { encodeProof, MerkleTree, signCheckpoint, sortSignaturesBySigner } from '@ferry/protocol'
import type { Hex } from '../types.js'
import type { Side } from './Side.js'

/**
 * A proof of leaf `leafIndex` of the tree of `ids`, under the checkpoint of `from`'s endpoint
 * after the last of them, signed by `privateKeys` (sorted by signer address, as the endpoint
 * wants). Also proves messages an endpoint never sent (malformed on purpose), as a compromised
 * validator set could.
 *
 * @example
 * const proof = await proveLeaves(side, [getMessageId(message)], 0, privateKeys)
 */
export async function proveLeaves(
  from: Side,
  ids: Hex[],
  leafIndex: number,
  privateKeys: readonly Hex[],
): Promise<Hex> {
  const tree = new MerkleTree(ids)
  const index = ids.length - 1
  const checkpoint = { origin: from.domain, originEndpoint: from.bytes32, root: tree.root(), index }
  const signatures = await Promise.all(
    privateKeys.map((privateKey) => signCheckpoint({ privateKey, checkpoint })),
  )
  return encodeProof({
    checkpointIndex: index,
    leafIndex,
    branch: tree.getProof(leafIndex).branch,
    signatures: await sortSignaturesBySigner({ signatures, checkpoint }),
  })
}
