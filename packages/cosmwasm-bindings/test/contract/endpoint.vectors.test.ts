// The shared vectors (spec/vectors/checkpoints.json) reproduced inside the VM through the
// endpoint's real flows: sending the vector's 8 messages yields its encodings, ids and root;
// delivering them with the vector's proof and every `valid` proof (compact layout, PROTOCOL §6)
// is accepted; every `invalid` proof is rejected with the error the EVM verifier names.

import type { Hex } from '@ferry/cosmwasm-bindings'
import {
  b64,
  Chain,
  errorOf,
  eventsOf,
  OWNER,
  PREFIX,
  RELAYER,
} from '@ferry/cosmwasm-bindings/harness'
import { bytes32ToBech32, encodeProof, getMessageId, MerkleTree } from '@ferry/protocol'
import { checkpointsVectors as vectors } from '@ferry/spec'
import { beforeAll, describe, expect, it } from 'vitest'

const cp = vectors.checkpoint
const messages: Hex[] = vectors.messages
const sender = bytes32ToBech32(`0x${messages[0]!.slice(14, 78)}` as Hex, PREFIX)

// A wrong root changes the digest, so the signatures recover to unrelated addresses: not
// validators, or (by chance) not ascending.
// A wrong digest recovers some other address: which check fails first depends on it.
const WRONG_DIGEST = expect.objectContaining({
  code: expect.stringMatching(/^(signer_not_validator|signers_not_ascending|invalid_signature)$/),
})
const EXPECTED_ERRORS: Record<string, unknown> = {
  'too few signatures (2 of threshold 3)': {
    code: 'threshold_not_met',
    signatures: 2,
    threshold: 3,
  },
  'duplicated signer': expect.objectContaining({ code: 'signers_not_ascending' }),
  'signers not ascending': expect.objectContaining({ code: 'signers_not_ascending' }),
  'high-s signature (valid on the curve, malleated)': expect.objectContaining({ code: 'high_s' }),
  'v = 29': { code: 'invalid_v', v: 29 },
  'one flipped byte in a signature': WRONG_DIGEST,
  'leafIndex greater than checkpointIndex': {
    code: 'leaf_index_too_high',
    leaf_index: 8,
    checkpoint_index: 7,
  },
  'wrong branch (sibling 1 changed)': WRONG_DIGEST,
  'wrong leaf index for the branch': WRONG_DIGEST,
  'truncated proof (last signature cut by one byte)': { code: 'malformed_proof', length: 302 },
  'zeroMask marks a non-zero sibling as zero (level 0)': WRONG_DIGEST,
  // The mask implies 3 siblings (96 bytes): 259 bytes after the header leave 163 for signatures.
  'one sibling fewer than zeroMask implies': { code: 'malformed_proof', length: 271 },
  'every sibling marked zero': WRONG_DIGEST,
  'shorter than the 12-byte header': { code: 'malformed_proof', length: 8 },
}

describe('checkpoints.json in the VM', () => {
  let chain: Chain

  beforeAll(async () => {
    chain = await Chain.create()
  })

  it('sending the 8 vector messages from origin 31337 yields their bytes, ids and the checkpoint root', async () => {
    const endpoint = await chain.endpoint(31337)
    await chain.must(OWNER, endpoint, {
      set_fee_config: {
        domain: 31338,
        config: {
          base_fee: '0',
          gas_price: '0',
          rate: '1',
          gas_overhead: 0,
          gas_per_byte: 0,
          max_gas_limit: 16_777_216,
        },
      },
    })
    for (const [i, message] of messages.entries()) {
      const body = `0x${message.slice(2 + 98 * 2)}`
      const out = await chain.must(sender, endpoint, {
        send: {
          destination: 31338,
          recipient: `0x${message.slice(86, 150)}`,
          body: b64(body),
          gas_limit: 100000,
          ack_gas_limit: 0,
          deadline: '0',
        },
      })
      const [sent] = eventsOf(out, 'ferry_message_sent')
      expect(sent?.message).toBe(message)
      expect(sent?.leaf_index).toBe(String(i))
      expect(sent?.nonce).toBe(String(i + 1))
    }
    expect(chain.query(endpoint, { merkle_root: {} })).toEqual({ root: cp.root })
    expect(chain.query(endpoint, { latest_checkpoint: {} })).toEqual({ root: cp.root, index: 7 })
    expect(chain.query(endpoint, { merkle_count: {} })).toEqual({ count: 8 })
  })

  /**
   * A fresh endpoint of domain 31338 that knows the vector validator set and has delivered
   * leaves 0 … count − 1 (channel order), each proved under the vector checkpoint.
   */
  async function destinationAfter(count: number): Promise<string> {
    const endpoint = await chain.endpoint(31338)
    chain.recipientAt(sender)
    await chain.must(OWNER, endpoint, {
      set_origin: {
        origin: cp.origin,
        origin_endpoint: cp.originEndpoint,
        validators: vectors.validators.map((v: { address: string }) => v.address),
        threshold: vectors.threshold,
      },
    })
    const ids = messages.map((m) => getMessageId(m))
    const full = new MerkleTree(ids)
    expect(full.root()).toBe(cp.root)
    const leaves = Array.from({ length: count }, (_, leafIndex) => leafIndex)
    const proofs = leaves.map((leafIndex) =>
      b64(
        encodeProof({
          checkpointIndex: 7,
          leafIndex,
          branch: full.getProof(leafIndex).branch,
          signatures: leafIndex === 0 ? vectors.signatures : [],
        }),
      ),
    )
    const out = await chain.must(RELAYER, endpoint, {
      deliver_batch: { messages: messages.slice(0, count).map(b64), proofs },
    })
    expect(eventsOf(out, 'ferry_message_delivered')).toHaveLength(count)
    return endpoint
  }

  describe('delivering on 31338 with the vector validator set', () => {
    let endpoint: string

    beforeAll(async () => {
      endpoint = await destinationAfter(5)
    })

    it('has an expected error for every invalid case', () => {
      expect(vectors.invalid.map((c: { name: string }) => c.name).sort()).toEqual(
        Object.keys(EXPECTED_ERRORS).sort(),
      )
    })

    for (const invalid of vectors.invalid as { name: string; proof: Hex }[]) {
      it(`rejects: ${invalid.name}`, async () => {
        const out = await chain.execute(RELAYER, endpoint, {
          deliver: { message: b64(vectors.proof.message), proof: b64(invalid.proof) },
        })
        expect(out.ok).toBe(false)
        expect(errorOf(out)).toEqual(EXPECTED_ERRORS[invalid.name] ?? 'never')
      })
    }

    it('accepts the vector proof (leaf 5 under checkpoint 7), 12 + 3 × 32 + 3 × 65 bytes', async () => {
      expect(vectors.proof.length).toBe(12 + 3 * 32 + 3 * 65)
      const out = await chain.must(RELAYER, endpoint, {
        deliver: { message: b64(vectors.proof.message), proof: b64(vectors.proof.encoded) },
      })
      const [delivered] = eventsOf(out, 'ferry_message_delivered')
      expect(delivered?.id).toBe(vectors.proof.leaf)
      expect(delivered?.nonce).toBe('6')
    })
  })

  describe('every valid case of checkpoints.json', () => {
    it('has valid cases', () => {
      expect(vectors.valid.length).toBeGreaterThanOrEqual(2)
    })

    for (const valid of vectors.valid) {
      it(`accepts: ${valid.name}`, async () => {
        expect(valid.message).toBe(messages[valid.leafIndex])
        const endpoint = await destinationAfter(valid.leafIndex)
        const out = await chain.must(RELAYER, endpoint, {
          deliver: { message: b64(valid.message), proof: b64(valid.encoded) },
        })
        const [delivered] = eventsOf(out, 'ferry_message_delivered')
        expect(delivered?.id).toBe(getMessageId(valid.message))
        expect(delivered?.nonce).toBe(String(valid.leafIndex + 1))
        expect(delivered?.status).toBe('1')
      })
    }
  })
})
