// Byte-level view of a compact proof (PROTOCOL.md §6), independent of the SDK codec: the SDK's
// decodeProof fills the left-out levels back in and encodeProof always emits the canonical form,
// so tests that feed the verifier non-canonical or broken layouts build them here.
import { concat, type Hex, numberToHex, size, slice } from 'viem'

export const PROOF_HEADER_LENGTH = 12
export const SIGNATURE_LENGTH = 65

/** Set bits of a u32. */
export function popcount(mask: number): number {
  let bits = 0
  for (let h = 0; h < 32; h++) bits += Math.floor(mask / 2 ** h) % 2
  return bits
}

/** The parts of a compact proof as they sit in its bytes (`siblings` as one hex string). */
export type CompactParts = {
  checkpointIndex: number
  leafIndex: number
  zeroMask: number
  siblings: Hex
  signatures: Hex
}

/** Splits a well-formed compact proof into its parts. */
export function splitProof(proof: Hex): CompactParts {
  const zeroMask = Number(BigInt(slice(proof, 8, 12)))
  const end = PROOF_HEADER_LENGTH + 32 * (32 - popcount(zeroMask))
  return {
    checkpointIndex: Number(BigInt(slice(proof, 0, 4))),
    leafIndex: Number(BigInt(slice(proof, 4, 8))),
    zeroMask,
    siblings: end > PROOF_HEADER_LENGTH ? slice(proof, PROOF_HEADER_LENGTH, end) : '0x',
    signatures: end < size(proof) ? slice(proof, end) : '0x',
  }
}

/** Joins parts into a proof, exactly as given (no canonicalisation, no checks). */
export function joinProof({
  checkpointIndex,
  leafIndex,
  zeroMask,
  siblings,
  signatures,
}: CompactParts): Hex {
  return concat([
    numberToHex(checkpointIndex, { size: 4 }),
    numberToHex(leafIndex, { size: 4 }),
    numberToHex(zeroMask, { size: 4 }),
    siblings,
    signatures,
  ])
}
