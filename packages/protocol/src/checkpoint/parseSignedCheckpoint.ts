import { type Address, type Hex, isAddress, isHex, size } from 'viem'
import type { Checkpoint } from './types.js'

/** A validator's signed checkpoint (`GET /v1/checkpoints/…`), its fields checked for shape. */
export type SignedCheckpoint = {
  /** The address the validator says it signs with (its signature must recover to it). */
  validator: Address
  checkpoint: Checkpoint
  signature: Hex
}

/**
 * A validator's answer, if it has the documented shape: a 20-byte `validator`, a checkpoint with
 * a u32 `origin` and `index`, a bytes32 `originEndpoint` and `root`, and a 65-byte `signature`;
 * `undefined` otherwise. Shape only: whoever relies on the signature recovers its signer.
 *
 * @example
 * const answer = parseSignedCheckpoint(await response.json())
 * if (answer) console.log(answer.checkpoint.index)
 */
export function parseSignedCheckpoint(body: unknown): SignedCheckpoint | undefined {
  if (!isObject(body) || !isObject(body.checkpoint)) return undefined
  const { validator, signature, checkpoint } = body
  const { origin, originEndpoint, root, index } = checkpoint
  const u32 = (value: unknown): value is number =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffff_ffff
  const bytes = (value: unknown, length: number): value is Hex =>
    typeof value === 'string' && isHex(value, { strict: true }) && size(value) === length
  if (
    typeof validator !== 'string' ||
    !isAddress(validator, { strict: false }) ||
    !u32(origin) ||
    !u32(index) ||
    !bytes(originEndpoint, 32) ||
    !bytes(root, 32) ||
    !bytes(signature, 65)
  )
    return undefined
  return { validator, signature, checkpoint: { origin, originEndpoint, root, index } }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
