/**
 * Hyperlane's message, checkpoint and MerkleRootMultisigIsm metadata formats, rebuilt from their
 * Solidity (libs/Message.sol, libs/CheckpointLib.sol, isms/libs/MerkleRootMultisigIsmMetadata.sol)
 * so the bench can sign real checkpoints and relay real dispatched messages.
 */

import type { Address, Hex, LocalAccount } from 'viem'
import { concatHex, encodePacked, hexToBytes, keccak256, pad, size, sliceHex, toHex } from 'viem'
import { TREE_DEPTH } from './merkle.ts'

/** Fields of a Hyperlane message (version 3): version ‖ nonce ‖ origin ‖ sender ‖ destination ‖ recipient ‖ body. */
export type HyperlaneMessage = {
  readonly version: number
  readonly nonce: number
  readonly origin: number
  readonly sender: Hex
  readonly destination: number
  readonly recipient: Hex
  readonly body: Hex
}

/** Message.sol offsets: 1-byte version, 4-byte nonce/origin/destination, 32-byte sender/recipient, body from byte 77. */
export function decodeMessage(message: Hex): HyperlaneMessage {
  if (size(message) < 77) throw new Error(`hyperlane message too short: ${size(message)} bytes`)
  const uint = (start: number, end: number): number =>
    Number.parseInt(sliceHex(message, start, end).slice(2), 16)
  return {
    version: uint(0, 1),
    nonce: uint(1, 5),
    origin: uint(5, 9),
    sender: sliceHex(message, 9, 41),
    destination: uint(41, 45),
    recipient: sliceHex(message, 45, 77),
    body: size(message) === 77 ? '0x' : sliceHex(message, 77),
  }
}

/** Message.id(): keccak256 of the whole packed message. */
export function messageId(message: Hex): Hex {
  return keccak256(message)
}

/** A validator checkpoint as CheckpointLib signs it: the origin tree's root at `index` and the id of leaf `index`. */
export type Checkpoint = {
  readonly origin: number
  readonly merkleTreeHook: Address
  readonly root: Hex
  readonly index: number
  readonly messageId: Hex
}

/**
 * keccak256(domainHash ‖ root ‖ uint32 index ‖ messageId) with
 * domainHash = keccak256(uint32 origin ‖ bytes32 merkleTreeHook ‖ "HYPERLANE").
 * The ISM recovers signers from the EIP-191 personal-sign hash of this value
 * (ECDSA.toEthSignedMessageHash), so validators sign it with `signMessage({ raw })`.
 */
export function checkpointHash(checkpoint: Checkpoint): Hex {
  const domainHash = keccak256(
    encodePacked(
      ['uint32', 'bytes32', 'string'],
      [checkpoint.origin, pad(checkpoint.merkleTreeHook, { size: 32 }), 'HYPERLANE'],
    ),
  )
  return keccak256(
    encodePacked(
      ['bytes32', 'bytes32', 'uint32', 'bytes32'],
      [domainHash, checkpoint.root, checkpoint.index, checkpoint.messageId],
    ),
  )
}

/**
 * Signs a checkpoint with each validator, in the order given. AbstractMultisigIsm.verify walks
 * signatures and the ISM's validator list together, so the order must be the list's order.
 * Signatures are 65 bytes r ‖ s ‖ v (v = 27/28), what OpenZeppelin's ECDSA.recover reads.
 */
export async function signCheckpoint(
  checkpoint: Checkpoint,
  validators: readonly LocalAccount[],
): Promise<Hex[]> {
  const hash = checkpointHash(checkpoint)
  const signatures: Hex[] = []
  for (const validator of validators) {
    const signature = await validator.signMessage({ message: { raw: hash } })
    if (size(signature) !== 65) throw new Error('expected a 65-byte r‖s‖v signature')
    signatures.push(signature)
  }
  return signatures
}

/**
 * MerkleRootMultisigIsmMetadata layout:
 *   [   0:  32] origin MerkleTreeHook address (bytes32)
 *   [  32:  36] index of the message's leaf (uint32)
 *   [  36:  68] message id of the signed checkpoint (bytes32)
 *   [  68:1092] merkle branch of the message leaf, 32 × bytes32, bottom-up
 *   [1092:1096] index of the signed checkpoint (uint32, ≥ message index)
 *   [1096:    ] threshold × 65-byte signatures
 */
export function encodeMerkleRootMetadata(input: {
  readonly checkpoint: Checkpoint
  readonly messageIndex: number
  readonly proof: readonly Hex[]
  readonly signatures: readonly Hex[]
}): Hex {
  const { checkpoint, messageIndex, proof, signatures } = input
  if (proof.length !== TREE_DEPTH) throw new Error(`proof must have ${TREE_DEPTH} nodes`)
  if (messageIndex > checkpoint.index)
    throw new Error('message index is after the signed checkpoint')
  const metadata = concatHex([
    pad(checkpoint.merkleTreeHook, { size: 32 }),
    toHex(messageIndex, { size: 4 }),
    checkpoint.messageId,
    ...proof,
    toHex(checkpoint.index, { size: 4 }),
    ...signatures,
  ])
  if (hexToBytes(metadata).length !== 1096 + 65 * signatures.length) {
    throw new Error('merkle-root metadata has the wrong length')
  }
  return metadata
}
