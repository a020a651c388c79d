// The Solidity codec libraries reproduce the shared protocol vectors byte for byte.

import { checkpointsVectors, merkleVectors, messagesVectors } from '@ferry/spec'
import type { ContractReturnType } from '@nomicfoundation/hardhat-viem/types'
import { network } from 'hardhat'
import { concat } from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'
import { splitProof } from '../helpers/proof.ts'

describe('shared vectors (CodecHarness over MessageCodec, MerkleTree, CheckpointLib)', () => {
  let harness: ContractReturnType<'CodecHarness'>
  let viem: Awaited<ReturnType<typeof network.connect>>['viem']

  beforeAll(async () => {
    ;({ viem } = await network.connect())
    harness = await viem.deployContract('CodecHarness')
  })

  describe('messages.json', () => {
    for (const vector of messagesVectors.cases) {
      const header = {
        version: vector.version,
        flags: vector.flags,
        origin: vector.origin,
        sender: vector.sender,
        destination: vector.destination,
        recipient: vector.recipient,
        nonce: BigInt(vector.nonce),
        deadline: BigInt(vector.deadline),
        gasLimit: vector.gasLimit,
        ackGasLimit: vector.ackGasLimit,
      }

      it(`${vector.name}: encode, decode, id, channel`, async () => {
        expect(await harness.read.encode([header, vector.body])).toBe(vector.encoded)
        const [decoded, body] = await harness.read.decode([vector.encoded])
        expect(decoded).toEqual(header)
        expect(body).toBe(vector.body)
        expect(await harness.read.id([vector.encoded])).toBe(vector.id)
        expect(await harness.read.channel([vector.encoded])).toBe(vector.channel)
        expect(
          await harness.read.channelKey([
            vector.origin,
            vector.sender,
            vector.destination,
            vector.recipient,
            vector.flags & 1,
          ]),
        ).toBe(vector.channel)
      })
    }

    it('ack message: encodeAck builds the vector from originalId, status and result', async () => {
      const vector = messagesVectors.cases.find((c) => c.flags === 1)
      if (!vector) throw new Error('no ack vector')
      const [originalId, status, result] = await harness.read.decodeAckBody([vector.body])
      const header = {
        version: 1,
        flags: 1,
        origin: vector.origin,
        sender: vector.sender,
        destination: vector.destination,
        recipient: vector.recipient,
        nonce: BigInt(vector.nonce),
        deadline: 0n,
        gasLimit: vector.gasLimit,
        ackGasLimit: 0,
      }
      expect(await harness.read.encodeAck([header, originalId, status, result])).toBe(
        vector.encoded,
      )
    })

    it('ackBody: encode and decode', async () => {
      const { originalId, status, result, encoded } = messagesVectors.ackBody
      expect(await harness.read.encodeAckBody([originalId, status, result])).toBe(encoded)
      expect(await harness.read.decodeAckBody([encoded])).toEqual([originalId, status, result])
    })
  })

  describe('merkle.json', () => {
    it('the empty root is Z[32]', async () => {
      const empty = await viem.deployContract('CodecHarness')
      expect(await empty.read.root()).toBe(merkleVectors.zeroHashes[32])
    })

    for (const vector of merkleVectors.cases) {
      it(`root after ${vector.count} leaves, and branchRoot of each listed branch`, async () => {
        const tree = await viem.deployContract('CodecHarness')
        if (vector.leaves.length > 0) await tree.write.insert([vector.leaves])
        expect(await tree.read.count()).toBe(BigInt(vector.count))
        expect(await tree.read.root()).toBe(vector.root)
        for (const proof of vector.proofs) {
          expect(
            await harness.read.branchRoot([
              proof.leaf,
              concat(proof.branch),
              BigInt(proof.leafIndex),
              0,
            ]),
          ).toBe(vector.root)
        }
      })
    }

    it('the root after every insert matches every listed count', async () => {
      const largest = merkleVectors.cases.at(-1)
      if (!largest) throw new Error('no merkle cases')
      const tree = await viem.deployContract('CodecHarness')
      const roots = await tree.simulate.insert([largest.leaves])
      for (const vector of merkleVectors.cases.filter((c) => c.count > 0)) {
        expect(roots.result[vector.count - 1]).toBe(vector.root)
      }
    })
  })

  describe('checkpoints.json', () => {
    it('domain hash, digest and EIP-191 hash', async () => {
      const { origin, originEndpoint, domainHash, root, index, digest, ethSignedDigest } =
        checkpointsVectors.checkpoint
      expect(await harness.read.domainHash([origin, originEndpoint])).toBe(domainHash)
      expect(await harness.read.digest([domainHash, root, index])).toBe(digest)
      expect(await harness.read.ethSignedHash([digest])).toBe(ethSignedDigest)
    })

    it('the tree of the 8 messages has the checkpoint root; the proof branch, full and compact, leads to it', async () => {
      const { messages, checkpoint, proof } = checkpointsVectors
      const ids = await Promise.all(messages.map((m) => harness.read.id([m])))
      const tree = await viem.deployContract('CodecHarness')
      await tree.write.insert([ids])
      expect(await tree.read.root()).toBe(checkpoint.root)
      expect(ids[proof.leafIndex]).toBe(proof.leaf)
      const index = BigInt(proof.leafIndex)
      expect(await harness.read.branchRoot([proof.leaf, concat(proof.branch), index, 0])).toBe(
        checkpoint.root,
      )
      const compact = [proof.leaf, concat(proof.siblings), index, proof.zeroMask] as const
      expect(await harness.read.branchRoot(compact)).toBe(checkpoint.root)
      expect(splitProof(proof.encoded)).toMatchObject({
        checkpointIndex: checkpoint.index,
        leafIndex: proof.leafIndex,
        zeroMask: proof.zeroMask,
        siblings: concat(proof.siblings),
      })
    })

    for (const vector of checkpointsVectors.valid) {
      it(`valid: ${vector.name}: its compact branch leads to the checkpoint root`, async () => {
        const { checkpoint } = checkpointsVectors
        const { leafIndex, zeroMask, siblings } = splitProof(vector.encoded)
        expect(leafIndex).toBe(vector.leafIndex)
        expect(zeroMask).toBe(vector.zeroMask)
        const leaf = await harness.read.id([vector.message])
        expect(await harness.read.branchRoot([leaf, siblings, BigInt(leafIndex), zeroMask])).toBe(
          checkpoint.root,
        )
      })
    }
  })
})
