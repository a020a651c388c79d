// Fuzz cases for the multisig verifier: the checkpoints.json tree, validator configurations of
// its origin, and mutations of a (message, proof, configuration) triple. Pure: no chain.
import { getMessageId, MerkleTree } from '@ferry/sdk/codec'
import { checkpointsVectors as vectors } from '@ferry/sdk/vectors'
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
import { type ByteMutation, byteMutation, mutateBytes, u32 } from './arbitraries.ts'

export const { checkpoint: vectorCheckpoint, messages } = vectors
/** The vector tree: 8 messages; checkpoint `i` is its root after leaf `i`. */
export const tree = new MerkleTree(messages.map((m) => getMessageId(m)))
export const STRANGER_KEY = keccak256(toHex('ferry verifier fuzz: not a validator'))
export const STRANGER = privateKeyToAddress(STRANGER_KEY)
export const KEYS = [...vectors.validators.map((v) => v.privateKey), STRANGER_KEY]
export const SIGNERS = [0, 1, 2, 3, 4] as const
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n
const PROOF_HEADER = 1032
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

/** The signatures of a well-formed proof, or undefined. */
const signaturesOf = (proof: Uint8Array): Uint8Array[] | undefined => {
  if (proof.length < PROOF_HEADER || (proof.length - PROOF_HEADER) % SIG !== 0) return undefined
  const count = (proof.length - PROOF_HEADER) / SIG
  return Array.from({ length: count }, (_, k) =>
    proof.slice(PROOF_HEADER + k * SIG, PROOF_HEADER + (k + 1) * SIG),
  )
}
const withSignatures = (proof: Uint8Array, sigs: readonly Uint8Array[]) => {
  const out = new Uint8Array(PROOF_HEADER + sigs.length * SIG)
  out.set(proof.subarray(0, PROOF_HEADER))
  for (const [k, sig] of sigs.entries()) out.set(sig, PROOF_HEADER + k * SIG)
  return out
}

/**
 * Applies one mutation; `signatures[checkpointIndex][key]` supplies foreign signatures. Signature
 * edits apply only to a well-formed proof (header, branch, whole signatures).
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
  const sigs = signaturesOf(c.proof)
  if (!sigs) return c
  if (m.kind === 'foreign') {
    const sig = hexToBytes(signatures[m.checkpointIndex]?.[m.signer] ?? '0x')
    sigs.splice(m.i % (sigs.length + 1), 0, sig)
    return { ...c, proof: withSignatures(c.proof, sigs) }
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
  return { ...c, proof: withSignatures(c.proof, sigs) }
}
