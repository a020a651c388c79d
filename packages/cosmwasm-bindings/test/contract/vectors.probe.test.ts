// The shared vectors (spec/vectors/messages.json, merkle.json, checkpoints.json) reproduced
// byte for byte inside the VM by the codec probe (contract/test/codecProbe.ts), which runs the
// endpoint's own codec, merkle tree, keccak, checkpoint digests and multisig verifier: the
// cases no real flow can produce (a nonce of 2^64 − 1, a gas limit of 2^32 − 1, a 20-byte
// account sender, the ack message and ack body, trees of 33 and 40 leaves, every branch) and the
// checkpoint digests computed directly. endpoint.vectors.test.ts covers the real flows.
import { readFileSync } from 'node:fs'
import type { Hex } from '@ferry/cosmwasm-bindings'
import {
  b64,
  Chain,
  type ContractError,
  contractError,
  OWNER,
  wasmPath,
} from '@ferry/cosmwasm-bindings/harness'
import { checkpointsVectors, merkleVectors, messagesVectors } from '@ferry/spec'
import { hashMessage, keccak256, recoverAddress } from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'

const messages = messagesVectors
const merkle = merkleVectors
const checkpoints = checkpointsVectors
const cp = checkpoints.checkpoint

const hex = (bytes: Uint8Array | Buffer): Hex => `0x${Buffer.from(bytes).toString('hex')}`
const u32 = (n: number): Hex => `0x${n.toString(16).padStart(8, '0')}`
const concatHex = (...parts: Hex[]): Hex => `0x${parts.map((p) => p.slice(2)).join('')}`

// The error code each invalid proof must get. For the three that change the digest (a flipped
// signature byte, a changed sibling, a wrong leaf index) the signatures recover to unrelated
// addresses; with these bytes the first is never a validator. The whole message (code and
// detail) is also predicted independently by `expectedError` below.
const EXPECTED_CODES: Record<string, string> = {
  'too few signatures (2 of threshold 3)': 'threshold_not_met',
  'duplicated signer': 'signers_not_ascending',
  'signers not ascending': 'signers_not_ascending',
  'high-s signature (valid on the curve, malleated)': 'high_s',
  'v = 29': 'invalid_v',
  'one flipped byte in a signature': 'signer_not_validator',
  'leafIndex greater than checkpointIndex': 'leaf_index_too_high',
  'wrong branch (sibling 1 changed)': 'signer_not_validator',
  'wrong leaf index for the branch': 'signer_not_validator',
  'truncated proof (last signature cut by one byte)': 'malformed_proof',
  'zeroMask marks a non-zero sibling as zero (level 0)': 'signer_not_validator',
  'one sibling fewer than zeroMask implies': 'malformed_proof',
  'every sibling marked zero': 'signer_not_validator',
  'shorter than the 12-byte header': 'malformed_proof',
}

const HALF_ORDER = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n

/**
 * PROTOCOL §6 for the vector message and validator set, written here with viem (not with the
 * contract's code), in the order of the verifier's checks: the error (code and fields) it must answer for `proof`,
 * or "valid".
 */
async function expectedError(
  proof: Hex,
  message: Hex = checkpoints.proof.message,
): Promise<ContractError | 'valid'> {
  const bytes = Buffer.from(proof.slice(2), 'hex')
  if (bytes.length < 12) return { code: 'malformed_proof', length: bytes.length }
  const zeroMask = bytes.readUInt32BE(8)
  const isZero = (level: number) => Math.floor(zeroMask / 2 ** level) % 2 === 1
  const siblings = Array.from({ length: 32 }, (_, level) => level).filter((h) => !isZero(h))
  const signaturesAt = 12 + 32 * siblings.length
  if (bytes.length < signaturesAt || (bytes.length - signaturesAt) % 65 !== 0)
    return { code: 'malformed_proof', length: bytes.length }
  const checkpointIndex = bytes.readUInt32BE(0)
  const leafIndex = bytes.readUInt32BE(4)
  if (leafIndex > checkpointIndex)
    return { code: 'leaf_index_too_high', leaf_index: leafIndex, checkpoint_index: checkpointIndex }
  let node = keccak256(message)
  let next = 12
  for (let i = 0; i < 32; i++) {
    let sibling = merkle.zeroHashes[i]!
    if (!isZero(i)) {
      sibling = hex(bytes.subarray(next, next + 32))
      next += 32
    }
    const right = Math.floor(leafIndex / 2 ** i) % 2 === 1
    node = keccak256(right ? concatHex(sibling, node) : concatHex(node, sibling))
  }
  const domain = keccak256(concatHex(u32(cp.origin), cp.originEndpoint, hex(Buffer.from('FERRY'))))
  const digest = keccak256(concatHex(domain, node, u32(checkpointIndex)))
  const count = (bytes.length - signaturesAt) / 65
  const threshold = checkpoints.threshold
  if (count < threshold) return { code: 'threshold_not_met', signatures: count, threshold }
  const validators = checkpoints.validators.map((v) => v.address.toLowerCase())
  let previous = hex(Buffer.alloc(20))
  for (let i = 0; i < count; i++) {
    const signature = bytes.subarray(signaturesAt + 65 * i, signaturesAt + 65 * (i + 1))
    const v = signature[64]!
    if (v !== 27 && v !== 28) return { code: 'invalid_v', v }
    const s = hex(signature.subarray(32, 64))
    if (BigInt(s) > HALF_ORDER) return { code: 'high_s', s }
    let signer: string
    try {
      signer = (
        await recoverAddress({ hash: hashMessage({ raw: digest }), signature: hex(signature) })
      ).toLowerCase()
    } catch {
      return { code: 'invalid_signature', index: i }
    }
    if (signer <= previous) return { code: 'signers_not_ascending', previous, signer }
    if (!validators.includes(signer)) return { code: 'signer_not_validator', signer }
    previous = signer as Hex
  }
  return 'valid'
}

let chain: Chain
let probe: string

beforeAll(async () => {
  chain = await Chain.create()
  const code = chain.app.wasm.storeCode(OWNER, readFileSync(wasmPath('codec-probe'))).unwrap()
  probe = await chain.instantiate(code, {}, 'codec-probe')
})

// biome-ignore lint/suspicious/noExplicitAny: each test states the fields it reads.
const ask = (msg: unknown): any => chain.query(probe, msg)
const askError = (msg: unknown) => chain.queryError(probe, msg)

describe('messages.json in the VM (codec probe)', () => {
  for (const c of messages.cases) {
    it(`encodes "${c.name}": bytes, length, id and channel`, () => {
      expect(c.version).toBe(1) // encodeMessage writes VERSION; the vectors are all version 1
      expect(
        ask({
          encode_message: {
            flags: c.flags,
            origin: c.origin,
            sender: c.sender,
            destination: c.destination,
            recipient: c.recipient,
            nonce: c.nonce,
            deadline: String(c.deadline),
            gas_limit: c.gasLimit,
            ack_gas_limit: c.ackGasLimit,
            body: b64(c.body),
          },
        }),
      ).toEqual({ encoded: c.encoded, length: c.length, id: c.id, channel: c.channel })
    })

    it(`decodes "${c.name}" (passing checkMessage at its destination) into every field`, () => {
      expect(ask({ decode_message: { message: b64(c.encoded) } })).toEqual({
        version: c.version,
        flags: c.flags,
        is_ack: (c.flags & 1) !== 0,
        ack_requested: (c.flags & 2) !== 0,
        origin: c.origin,
        sender: c.sender,
        destination: c.destination,
        recipient: c.recipient,
        nonce: c.nonce,
        deadline: String(c.deadline),
        gas_limit: c.gasLimit,
        ack_gas_limit: c.ackGasLimit,
        body: c.body,
        length: c.length,
        id: c.id,
        channel: c.channel,
      })
    })

    it(`hashes "${c.name}" to its id with keccak256`, () => {
      expect(ask({ keccak: { data: b64(c.encoded) } })).toEqual({ hash: c.id })
    })
  }

  it('covers the extremes no send can produce: nonce 2^64 − 1, gasLimit 2^32 − 1, a 20-byte account sender, an ack', () => {
    const extreme = messages.cases.find((c) => c.nonce === '18446744073709551615')
    expect(extreme?.gasLimit).toBe(0xffffffff)
    expect(extreme?.sender.slice(2, 26)).toBe('0'.repeat(24))
    expect(messages.cases.some((c) => c.flags === 1)).toBe(true)
  })

  it('encodes the ack body (originalId | status | result)', () => {
    const a = messages.ackBody
    expect(
      ask({
        encode_ack_body: { original_id: a.originalId, status: a.status, result: b64(a.result) },
      }),
    ).toEqual({ encoded: a.encoded })
  })

  it('the ack message is the ack (PROTOCOL §8) of the ack-requested case, with the ack body', () => {
    const original = messages.cases.find((c) => c.flags === 2)!
    const ack = messages.cases.find((c) => c.flags === 1)!
    expect(messages.ackBody.originalId).toBe(original.id)
    expect(ack.body).toBe(messages.ackBody.encoded)
    // As the endpoint's sendAck builds it: from the recipient back to the sender, gasLimit =
    // ackGasLimit, no deadline, no ack request.
    expect(
      ask({
        encode_message: {
          flags: 1,
          origin: original.destination,
          sender: original.recipient,
          destination: original.origin,
          recipient: original.sender,
          nonce: ack.nonce,
          deadline: '0',
          gas_limit: original.ackGasLimit,
          ack_gas_limit: 0,
          body: b64(messages.ackBody.encoded),
        },
      }),
    ).toEqual({ encoded: ack.encoded, length: ack.length, id: ack.id, channel: ack.channel })
  })
})

describe('merkle.json in the VM (codec probe)', () => {
  it('has depth 32 and reproduces the 33 zero hashes', () => {
    expect(merkle.depth).toBe(32)
    expect(merkle.zeroHashes).toHaveLength(33)
    expect(ask({ zero_hashes: {} })).toEqual({ zero_hashes: merkle.zeroHashes })
  })

  for (const c of merkle.cases) {
    it(`root after ${c.count} leaves (inserted into the incremental tree)`, () => {
      expect(c.leaves).toHaveLength(c.count)
      expect(ask({ merkle_root: { leaves: c.leaves } })).toEqual({ root: c.root, count: c.count })
    })

    for (const p of c.proofs) {
      it(`branch of leaf ${p.leafIndex} of ${c.count} gives the root (branchRoot)`, () => {
        expect(p.leaf).toBe(c.leaves[p.leafIndex])
        expect(p.branch).toHaveLength(32)
        expect(
          ask({ branch_root: { leaf: p.leaf, branch: p.branch, index: p.leafIndex } }),
        ).toEqual({
          root: c.root,
        })
      })
    }
  }

  it('the empty root is Z[32]', () => {
    expect(merkle.cases.find((c) => c.count === 0)?.root).toBe(merkle.zeroHashes[32])
  })
})

describe('checkpoints.json in the VM (codec probe)', () => {
  const validators = checkpoints.validators.map((v) => v.address)
  const verify = (proof: Hex, message: Hex = checkpoints.proof.message) => ({
    verify_proof: {
      message: b64(message),
      proof: b64(proof),
      validators,
      threshold: checkpoints.threshold,
      origin: cp.origin,
      origin_endpoint: cp.originEndpoint,
    },
  })

  it('computes the domain hash, digest and EIP-191 digest of the checkpoint', () => {
    expect(
      ask({
        checkpoint_digest: {
          origin: cp.origin,
          origin_endpoint: cp.originEndpoint,
          root: cp.root,
          index: cp.index,
        },
      }),
    ).toEqual({
      domain_hash: cp.domainHash,
      digest: cp.digest,
      eth_signed_digest: cp.ethSignedDigest,
    })
  })

  it('the tree of the 8 messages (leaf i = id of message i) has the checkpoint root at its index', () => {
    const ids = checkpoints.messages.map(
      (m) => (ask({ decode_message: { message: b64(m) } }) as { id: Hex }).id,
    )
    expect(ids).toHaveLength(cp.index + 1)
    expect(ask({ merkle_root: { leaves: ids } })).toEqual({ root: cp.root, count: cp.index + 1 })
    expect(ids[checkpoints.proof.leafIndex]).toBe(checkpoints.proof.leaf)
  })

  it("the proof's message hashes to its leaf and its branch gives the checkpoint root", () => {
    const p = checkpoints.proof
    expect(ask({ keccak: { data: b64(p.message) } })).toEqual({ hash: p.leaf })
    expect(p.message).toBe(checkpoints.messages[p.leafIndex])
    expect(ask({ branch_root: { leaf: p.leaf, branch: p.branch, index: p.leafIndex } })).toEqual({
      root: cp.root,
    })
  })

  it('the encoded proof is checkpointIndex | leafIndex | zeroMask | siblings | signatures (PROTOCOL §6)', () => {
    const p = checkpoints.proof
    // Every sibling equal to Z[h] left out, its bit set (the compact form a relayer emits).
    const zeroMask = p.branch.reduce(
      (mask, node, h) => (node === merkle.zeroHashes[h] ? mask + 2 ** h : mask),
      0,
    )
    expect(zeroMask).toBe(p.zeroMask)
    expect(p.siblings).toEqual(p.branch.filter((node, h) => node !== merkle.zeroHashes[h]))
    const encoded = concatHex(
      u32(cp.index),
      u32(p.leafIndex),
      u32(p.zeroMask),
      ...p.siblings,
      ...checkpoints.signatures,
    )
    expect(p.encoded).toBe(encoded)
    expect((p.encoded.length - 2) / 2).toBe(p.length)
    expect(checkpoints.signers).toEqual(validators.slice(0, checkpoints.threshold))
  })

  it('accepts the vector proof with the multisig verifier', () => {
    expect(ask(verify(checkpoints.proof.encoded))).toEqual({
      valid: true,
      id: checkpoints.proof.leaf,
    })
  })

  it('the independent model of the verifier accepts the vector proof', async () => {
    expect(await expectedError(checkpoints.proof.encoded)).toBe('valid')
  })

  for (const valid of checkpoints.valid) {
    it(`accepts: ${valid.name}`, async () => {
      expect(await expectedError(valid.encoded, valid.message)).toBe('valid')
      expect(ask(verify(valid.encoded, valid.message))).toEqual({
        valid: true,
        id: keccak256(valid.message),
      })
    })
  }

  it('verify_proofs answers each case on its own, as verify_proof does', async () => {
    const cases = [
      { message: checkpoints.proof.message, proof: checkpoints.proof.encoded },
      ...checkpoints.invalid.map((c) => ({ message: checkpoints.proof.message, proof: c.proof })),
      ...checkpoints.valid.map((c) => ({ message: c.message, proof: c.encoded })),
    ]
    const { verify_proof: shared } = verify('0x')
    const { results } = ask({
      verify_proofs: {
        cases: cases.map((c) => ({ message: b64(c.message), proof: b64(c.proof) })),
        validators: shared.validators,
        threshold: shared.threshold,
        origin: shared.origin,
        origin_endpoint: shared.origin_endpoint,
      },
    })
    expect(
      results.map((result: string) => (result === 'valid' ? result : contractError(result))),
    ).toEqual(await Promise.all(cases.map((c) => expectedError(c.proof, c.message))))
  })

  it('has an expected error code for every invalid case', () => {
    expect(checkpoints.invalid.map((c) => c.name).sort()).toEqual(
      Object.keys(EXPECTED_CODES).sort(),
    )
  })

  for (const invalid of checkpoints.invalid) {
    it(`rejects: ${invalid.name}`, async () => {
      const error = askError(verify(invalid.proof))
      expect(error).toMatchObject({ code: EXPECTED_CODES[invalid.name] })
      expect(error).toEqual(await expectedError(invalid.proof))
    })
  }

  it('rejects the vector proof for another origin (unknown_origin) and under another origin endpoint', () => {
    const other = verify(checkpoints.proof.encoded)
    other.verify_proof.origin = cp.origin + 1
    expect(askError(other)).toEqual({ code: 'unknown_origin', origin: cp.origin })
    const moved = verify(checkpoints.proof.encoded)
    moved.verify_proof.origin_endpoint = hex(Buffer.alloc(32, 0x11))
    expect(['signer_not_validator', 'signers_not_ascending', 'invalid_signature']).toContain(
      (askError(moved) as ContractError).code,
    )
  })
})
