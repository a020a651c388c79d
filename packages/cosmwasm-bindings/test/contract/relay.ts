// Builds messages from a fake origin and their multisig proofs with @ferry/protocol, signed by the
// vector validator keys, as a relayer would carry them to the endpoint under test.
import {
  bech32ToBytes32,
  encodeMessage,
  encodeProof,
  getMessageId,
  MerkleTree,
  signCheckpoint,
  sortSignaturesBySigner,
} from '@ferry/protocol'
import { checkpointsVectors as vectors } from '@ferry/spec'
import { b64, type Chain, type Hex, OWNER } from './harness.ts'

export const ORIGIN = 31337
export const ORIGIN_ENDPOINT: Hex = vectors.checkpoint.originEndpoint
export const VALIDATORS: { privateKey: Hex; address: Hex }[] = vectors.validators
export const ORIGIN_SENDER: Hex = `0x${'00'.repeat(12)}${'ab'.repeat(20)}`

/** Configures the vector validator set (threshold 3) for ORIGIN on `endpoint`. */
export async function configureOrigin(chain: Chain, endpoint: string): Promise<void> {
  await chain.must(OWNER, endpoint, {
    set_origin: {
      origin: ORIGIN,
      origin_endpoint: ORIGIN_ENDPOINT,
      validators: VALIDATORS.map((v) => v.address),
      threshold: 3,
    },
  })
}

/** The origin side: a tree of sent message ids and a nonce per recipient. */
export class Origin {
  readonly tree = new MerkleTree()
  readonly messages: Hex[] = []
  readonly nonces = new Map<string, bigint>()

  readonly destination: number

  // A plain field, not a parameter property: the bench scripts load this file with Node's type
  // stripping, which only erases types.
  constructor(destination: number) {
    this.destination = destination
  }

  send(
    recipient: string,
    body: string,
    options: { gasLimit?: number; ackGasLimit?: number; deadline?: bigint; flags?: number } = {},
  ): Hex {
    const to = bech32ToBytes32(recipient)
    const nonce = (this.nonces.get(to) ?? 0n) + 1n
    this.nonces.set(to, nonce)
    const message = encodeMessage({
      version: 1,
      flags: options.flags ?? (options.ackGasLimit ? 2 : 0),
      origin: ORIGIN,
      sender: ORIGIN_SENDER,
      destination: this.destination,
      recipient: to,
      nonce,
      deadline: options.deadline ?? 0n,
      gasLimit: options.gasLimit ?? 500_000,
      ackGasLimit: options.ackGasLimit ?? 0,
      body: `0x${Buffer.from(body, 'utf8').toString('hex')}`,
    })
    this.tree.insert(getMessageId(message))
    this.messages.push(message)
    return message
  }

  /** A proof of `message` under the latest checkpoint, signed by the first `signers` validators. */
  async prove(message: Hex, signers = 3): Promise<Hex> {
    const leafIndex = this.messages.indexOf(message)
    const index = this.tree.count - 1
    const checkpoint = {
      origin: ORIGIN,
      originEndpoint: ORIGIN_ENDPOINT,
      root: this.tree.root(),
      index,
    }
    const signatures = await Promise.all(
      VALIDATORS.slice(0, signers).map((v) =>
        signCheckpoint({ privateKey: v.privateKey, checkpoint }),
      ),
    )
    return encodeProof({
      checkpointIndex: index,
      leafIndex,
      branch: this.tree.getProof(leafIndex).branch,
      signatures: await sortSignaturesBySigner({ signatures, checkpoint }),
    })
  }
}

export const deliverMsg = (message: Hex, proof: Hex) => ({
  deliver: { message: b64(message), proof: b64(proof) },
})
