// Fuzz cases for the multisig verifier: the checkpoints.json tree, validator configurations of
// its origin, and mutations of a (message, proof, configuration) triple. Pure: no chain.
import { getMessageId, MerkleTree, ZERO_HASHES } from '@ferry/protocol'
import { checkpointsVectors as vectors } from '@ferry/spec'
import fc from 'fast-check'
import {
  type Address,
  bytesToHex,
  type Hex,
  hexToBytes,
  keccak256,
  numberToBytes,
  toHex,
} from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import { PROOF_HEADER_LENGTH, popcount } from '../helpers/proof.ts'
import { type ByteMutation, byteMutation, mutateBytes, u32 } from './arbitraries.ts'

export const { checkpoint: vectorCheckpoint, messages } = vectors
/** The vector tree: 8 messages; checkpoint `i` is its root after leaf `i`. */
export const tree = new MerkleTree(messages.map((m) => getMessageId(m)))
export const STRANGER_KEY = keccak256(toHex('ferry verifier fuzz: not a validator'))
export const STRANGER = privateKeyToAddress(STRANGER_KEY)
export const KEYS = [...vectors.validators.map((v) => v.privateKey), STRANGER_KEY]
export const SIGNERS = [0, 1, 2, 3, 4] as const
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n
const SIG = 65

/** Validator configurations of the origin, one MultisigVerifier each; 0 is the vectors' own. */
const byAddress = (a: Address, b: Address) => (BigInt(a) < BigInt(b) ? -1 : 1)
export const ALL = vectors.validators.map((v) => v.address)
export const CONFIGS = [
  { validators: ALL, threshold: 3, originEndpoint: vectorCheckpoint.originEndpoint },
  { validators: ALL, threshold: 1, originEndpoint: vectorCheckpoint.originEndpoint },
  { validators: ALL, threshold: 5, originEndpoint: vectorCheckpoint.originEndpoint },
  { validators: ALL.slice(1), threshold: 2, originEndpoint: vectorCheckpoint.originEndpoint },
  {
    validators: [...ALL, STRANGER].sort(byAddress),
    threshold: 4,
    originEndpoint: vectorCheckpoint.originEndpoint,
  },
  // Another origin endpoint: the signatures are for a different domain, so nothing verifies.
  { validators: ALL, threshold: 1, originEndpoint: `0x${'00'.repeat(12)}${'ee'.repeat(20)}` },
] as const satisfies readonly {
  validators: readonly Address[]
  threshold: number
  originEndpoint: Hex
}[]

export type Mutation =
  | { kind: 'bytes'; target: 'message' | 'proof'; edit: ByteMutation }
  | { kind: 'drop' | 'duplicate' | 'swap' | 'highS'; i: number; j: number }
  | { kind: 'setV'; i: number; v: number }
  | { kind: 'foreign'; i: number; signer: number; checkpointIndex: number }
  | { kind: 'index'; offset: 0 | 4; value: number }
  | { kind: 'config'; config: number }
  | BranchMutation

/** An edit of the proof's mask or siblings. */
type BranchMutation =
  | { kind: 'maskBit' | 'listZero' | 'maskZero'; level: number }
  | { kind: 'sibling'; i: number; edit: 'flip' | 'zeroHash' | 'drop' | 'duplicate' }

export const mutation = (): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.record({
      kind: fc.constant('bytes' as const),
      target: fc.constantFrom('message' as const, 'proof' as const),
      edit: byteMutation(),
    }),
    fc.record({
      kind: fc.constantFrom(
        'drop' as const,
        'duplicate' as const,
        'swap' as const,
        'highS' as const,
      ),
      i: fc.nat(),
      j: fc.nat(),
    }),
    fc.record({
      kind: fc.constant('setV' as const),
      i: fc.nat(),
      v: fc.constantFrom(0, 1, 27, 28, 29, 255),
    }),
    fc.record({
      kind: fc.constant('foreign' as const),
      i: fc.nat(),
      signer: fc.nat({ max: KEYS.length - 1 }),
      checkpointIndex: fc.nat({ max: 7 }),
    }),
    fc.record({
      kind: fc.constant('index' as const),
      offset: fc.constantFrom(0 as const, 4 as const),
      value: fc.oneof(fc.nat({ max: 9 }), u32()),
    }),
    fc.record({
      kind: fc.constant('config' as const),
      config: fc.nat({ max: CONFIGS.length - 1 }),
    }),
    fc.record({
      kind: fc.constantFrom('maskBit' as const, 'listZero' as const, 'maskZero' as const),
      level: fc.nat({ max: 31 }),
    }),
    fc.record({
      kind: fc.constant('sibling' as const),
      i: fc.nat(),
      edit: fc.constantFrom(
        'flip' as const,
        'zeroHash' as const,
        'drop' as const,
        'duplicate' as const,
      ),
    }),
  )

/** A valid proof's parameters, mutations for it, and who calls verify. */
export const baseCase = fc.record({
  checkpointIndex: fc.nat({ max: 7 }),
  leaf: fc.nat(),
  signers: fc.subarray([...SIGNERS], { minLength: 1 }),
  config: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, fc.nat({ max: CONFIGS.length - 1 })),
  mutations: fc.array(mutation(), { maxLength: 3 }),
  caller: fc.constantFrom<Address>(
    '0x0000000000000000000000000000000000000000',
    '0x000000000000000000000000000000000000dEaD',
    STRANGER,
    ALL[0] ?? STRANGER,
  ),
})

/** What a verifier is given: the message, the proof, and which configuration judges them. */
export type ProofCase = { message: Uint8Array; proof: Uint8Array; config: number }

/** A well-formed compact proof cut into its parts (copies), or undefined. */
type Parts = { header: Uint8Array; siblings: Uint8Array[]; sigs: Uint8Array[] }
const bit = (word: number, h: number) => Math.floor(word / 2 ** h) % 2 === 1
const maskOf = (header: Uint8Array) =>
  new DataView(header.buffer, header.byteOffset).getUint32(8, false)
const partsOf = (proof: Uint8Array): Parts | undefined => {
  if (proof.length < PROOF_HEADER_LENGTH) return undefined
  const header = proof.slice(0, PROOF_HEADER_LENGTH)
  const start = PROOF_HEADER_LENGTH + 32 * (32 - popcount(maskOf(header)))
  if (proof.length < start || (proof.length - start) % SIG !== 0) return undefined
  const cut = (from: number, size: number, count: number) =>
    Array.from({ length: count }, (_, k) => proof.slice(from + k * size, from + (k + 1) * size))
  return {
    header,
    siblings: cut(PROOF_HEADER_LENGTH, 32, (start - PROOF_HEADER_LENGTH) / 32),
    sigs: cut(start, SIG, (proof.length - start) / SIG),
  }
}
const join = ({ header, siblings, sigs }: Parts) => {
  const out = new Uint8Array(header.length + 32 * siblings.length + SIG * sigs.length)
  let at = 0
  for (const piece of [header, ...siblings, ...sigs]) {
    out.set(piece, at)
    at += piece.length
  }
  return out
}
const setMask = (header: Uint8Array, mask: number) =>
  new DataView(header.buffer, header.byteOffset).setUint32(8, mask, false)
/** Position among the listed siblings of level `level`'s sibling (listed or not). */
const listedBefore = (mask: number, level: number) =>
  Array.from({ length: level }, (_, h) => h).filter((h) => !bit(mask, h)).length

/**
 * Mask and sibling edits. `maskBit` flips a bit alone (the length then mostly disagrees with the
 * mask). `listZero` lists a masked level's zero hash explicitly and clears its bit; `maskZero`
 * masks a listed sibling (dropping it): both keep a valid proof valid exactly when that sibling
 * is the zero hash. `sibling` edits a listed sibling: flip a bit, replace it with its level's
 * zero hash, drop it or duplicate it (the mask unchanged, so mostly a length error).
 */
function mutateBranch(parts: Parts, m: BranchMutation): Parts {
  const mask = maskOf(parts.header)
  switch (m.kind) {
    case 'maskBit':
      setMask(parts.header, bit(mask, m.level) ? mask - 2 ** m.level : mask + 2 ** m.level)
      return parts
    case 'listZero':
      if (!bit(mask, m.level)) return parts
      parts.siblings.splice(
        listedBefore(mask, m.level),
        0,
        hexToBytes(ZERO_HASHES[m.level] ?? '0x'),
      )
      setMask(parts.header, mask - 2 ** m.level)
      return parts
    case 'maskZero':
      if (bit(mask, m.level)) return parts
      parts.siblings.splice(listedBefore(mask, m.level), 1)
      setMask(parts.header, mask + 2 ** m.level)
      return parts
    case 'sibling': {
      if (parts.siblings.length === 0) return parts
      const i = m.i % parts.siblings.length
      const sibling = parts.siblings[i] ?? new Uint8Array(32)
      if (m.edit === 'flip') sibling[31] = (sibling[31] ?? 0) ^ 1
      if (m.edit === 'drop') parts.siblings.splice(i, 1)
      if (m.edit === 'duplicate') parts.siblings.splice(i, 0, sibling.slice())
      if (m.edit === 'zeroHash') {
        const levels = Array.from({ length: 32 }, (_, h) => h).filter((h) => !bit(mask, h))
        parts.siblings[i] = hexToBytes(ZERO_HASHES[levels[i] ?? 0] ?? '0x')
      }
      return parts
    }
  }
}

/**
 * Applies one mutation; `signatures[checkpointIndex][key]` supplies foreign signatures. Branch and
 * signature edits apply only to a well-formed proof (header, the siblings its mask implies,
 * whole signatures).
 */
export function mutate(
  signatures: readonly (readonly Hex[])[],
  c: ProofCase,
  m: Mutation,
): ProofCase {
  if (m.kind === 'bytes') return { ...c, [m.target]: mutateBytes(c[m.target], m.edit) }
  if (m.kind === 'config') return { ...c, config: m.config }
  if (m.kind === 'index') {
    const proof = c.proof.slice()
    if (proof.length >= 8) proof.set(numberToBytes(m.value, { size: 4 }), m.offset)
    return { ...c, proof }
  }
  const parts = partsOf(c.proof)
  if (!parts) return c
  if ('level' in m || m.kind === 'sibling') return { ...c, proof: join(mutateBranch(parts, m)) }
  const { sigs } = parts
  if (m.kind === 'foreign') {
    const sig = hexToBytes(signatures[m.checkpointIndex]?.[m.signer] ?? '0x')
    sigs.splice(m.i % (sigs.length + 1), 0, sig)
    return { ...c, proof: join(parts) }
  }
  if (sigs.length === 0) return c
  const i = m.i % sigs.length
  const j = m.kind === 'setV' ? i : m.j % sigs.length
  const sig = sigs[i] ?? new Uint8Array(SIG)
  if (m.kind === 'drop') sigs.splice(i, 1)
  if (m.kind === 'duplicate') sigs.splice(j, 0, sig)
  if (m.kind === 'swap') [sigs[i], sigs[j]] = [sigs[j] ?? sig, sig]
  if (m.kind === 'setV') sig[64] = m.v
  if (m.kind === 'highS') {
    // The malleated twin: s → n − s with the other parity; it recovers the same signer.
    const s = BigInt(bytesToHex(sig.subarray(32, 64)))
    sig.set(numberToBytes(N - s, { size: 32 }), 32)
    sig[64] = (sig[64] ?? 27) === 27 ? 28 : 27
  }
  return { ...c, proof: join(parts) }
}
