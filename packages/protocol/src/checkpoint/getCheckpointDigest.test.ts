import { checkpointsVectors } from '@ferry/spec'
import { hashMessage } from 'viem'
import { describe, expect, test } from 'vitest'
import { FieldOutOfRangeError, InvalidBytes32Error } from '../errors/encoding.js'
import { MerkleTree } from '../merkle/merkleTree.js'
import { getMessageId } from '../message/getMessageId.js'
import { getCheckpointDigest } from './getCheckpointDigest.js'
import { getCheckpointDomainHash } from './getCheckpointDomainHash.js'

const { checkpoint, messages } = checkpointsVectors

describe('getCheckpointDomainHash / getCheckpointDigest', () => {
  test('vector: root of the tree of the 8 messages', () => {
    const tree = new MerkleTree(messages.map((message) => getMessageId(message)))
    expect(tree.count - 1).toBe(checkpoint.index)
    expect(tree.root()).toBe(checkpoint.root)
  })

  test('vector: domain hash', () => {
    expect(getCheckpointDomainHash(checkpoint)).toBe(checkpoint.domainHash)
  })

  test('vector: digest and its EIP-191 hash', () => {
    expect(getCheckpointDigest(checkpoint)).toBe(checkpoint.digest)
    expect(hashMessage({ raw: checkpoint.digest })).toBe(checkpoint.ethSignedDigest)
  })

  test('every field changes the digest', () => {
    const changed = [
      { ...checkpoint, origin: checkpoint.origin + 1 },
      { ...checkpoint, originEndpoint: checkpoint.root },
      { ...checkpoint, root: checkpoint.originEndpoint },
      { ...checkpoint, index: checkpoint.index + 1 },
    ]
    for (const other of changed) expect(getCheckpointDigest(other)).not.toBe(checkpoint.digest)
  })

  test('rejects malformed fields', () => {
    expect(() => getCheckpointDigest({ ...checkpoint, index: -1 })).toThrow(FieldOutOfRangeError)
    expect(() => getCheckpointDigest({ ...checkpoint, origin: 2 ** 32 })).toThrow(
      FieldOutOfRangeError,
    )
    expect(() => getCheckpointDigest({ ...checkpoint, root: '0x' })).toThrow(InvalidBytes32Error)
    expect(() => getCheckpointDomainHash({ ...checkpoint, originEndpoint: '0x12' })).toThrow(
      InvalidBytes32Error,
    )
  })
})
