// Loads the shared protocol vectors (`<repo>/../shared/vectors`, or FERRY_VECTORS_DIR), typed
// as the files are. Every implementation checks itself against these files.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Address, Hex } from 'viem'

const dir =
  process.env.FERRY_VECTORS_DIR ??
  join(import.meta.dirname, '..', '..', '..', '..', '..', 'shared', 'vectors')

function load<T>(name: string): T {
  // CAST: the shapes below are those of the files in shared/vectors.
  return JSON.parse(readFileSync(join(dir, name), 'utf8')) as T
}

export type MessageVector = {
  name: string
  version: number
  flags: number
  origin: number
  sender: Hex
  destination: number
  recipient: Hex
  /** Decimal string (u64). */
  nonce: string
  /** A JSON number in the file (README says u64 values are decimal strings). */
  deadline: number | string
  gasLimit: number
  ackGasLimit: number
  body: Hex
  encoded: Hex
  length: number
  id: Hex
  channel: Hex
}

export type MessagesVectors = {
  cases: MessageVector[]
  ackBody: { originalId: Hex; status: number; result: Hex; encoded: Hex }
}

export type MerkleVectors = {
  depth: number
  zeroHashes: Hex[]
  cases: {
    count: number
    leaves: Hex[]
    root: Hex
    proofs: { leafIndex: number; leaf: Hex; branch: Hex[] }[]
  }[]
}

export type CheckpointsVectors = {
  validators: { privateKey: Hex; address: Address }[]
  threshold: number
  checkpoint: {
    origin: number
    originEndpoint: Hex
    domainHash: Hex
    index: number
    root: Hex
    digest: Hex
    ethSignedDigest: Hex
  }
  signatures: Hex[]
  signers: Address[]
  messages: Hex[]
  proof: { leafIndex: number; message: Hex; leaf: Hex; branch: Hex[]; encoded: Hex; length: number }
  invalid: { name: string; proof: Hex }[]
}

export const messagesVectors = load<MessagesVectors>('messages.json')
export const merkleVectors = load<MerkleVectors>('merkle.json')
export const checkpointsVectors = load<CheckpointsVectors>('checkpoints.json')

/** The vector validators (test keys), ascending by address as the files list them. */
export const validators = checkpointsVectors.validators
