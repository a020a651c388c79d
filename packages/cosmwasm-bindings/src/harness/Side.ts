import { bech32ToBytes32, MerkleTree } from '@ferry/protocol'
import type { Hex } from '../types.js'

/** A message an endpoint sent, as its `ferry_message_sent` event reported it. */
export type Sent = { id: Hex; message: Hex; leafIndex: number; nonce: bigint; destination: number }

/**
 * One endpoint and the messages it sent, in its tree's order (as a relayer indexing it keeps
 * them), so they can be proved from its checkpoints.
 *
 * @example
 * const side = new Side(7001, await chain.endpoint(7001))
 * const proof = await proveLeaves(side, [id], 0, privateKeys)
 */
export class Side {
  readonly tree = new MerkleTree()
  readonly sent: Sent[] = []

  constructor(
    readonly domain: number,
    readonly endpoint: string,
  ) {}

  /** The endpoint's address as bytes32, as checkpoints and messages name it. */
  get bytes32(): Hex {
    return bech32ToBytes32(this.endpoint)
  }
}
