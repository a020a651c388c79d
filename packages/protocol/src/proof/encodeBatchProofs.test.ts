import { checkpointsVectors } from '@ferry/spec'
import { describe, expect, test } from 'vitest'
import { MerkleTree } from '../merkle/merkleTree.js'
import { getMessageId } from '../message/getMessageId.js'
import { decodeProof } from './decodeProof.js'
import { encodeBatchProofs } from './encodeBatchProofs.js'
import { encodeProof } from './encodeProof.js'

const { checkpoint, signatures, messages, proof } = checkpointsVectors
const tree = new MerkleTree(messages.map((message) => getMessageId(message)))
const leaves = [5, 6, 7].map((leafIndex) => ({
  leafIndex,
  branch: tree.getProof(leafIndex, checkpoint.index + 1).branch,
}))

describe('encodeBatchProofs', () => {
  test('vector: the first proof is the vector proof, signatures and all', () => {
    const [first] = encodeBatchProofs({ checkpointIndex: checkpoint.index, signatures, leaves })
    expect(first).toBe(proof.encoded)
  })

  test('only the first proof carries the signatures; each proves its own leaf', () => {
    const proofs = encodeBatchProofs({ checkpointIndex: checkpoint.index, signatures, leaves })
    expect(proofs.map((encoded) => decodeProof(encoded).signatures.length)).toEqual([3, 0, 0])
    for (const [i, { leafIndex, branch }] of leaves.entries())
      expect(proofs[i]).toBe(
        encodeProof({
          checkpointIndex: checkpoint.index,
          leafIndex,
          branch,
          signatures: i === 0 ? signatures : [],
        }),
      )
  })

  test('an empty batch has no proofs', () => {
    expect(encodeBatchProofs({ checkpointIndex: 0, signatures, leaves: [] })).toEqual([])
  })
})
