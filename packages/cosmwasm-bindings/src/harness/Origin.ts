import {
  bech32ToBytes32,
  encodeMessage,
  encodeProof,
  getMessageId,
  MerkleTree,
  signCheckpoint,
  sortSignaturesBySigner,
} from '@ferry/protocol'
import type { Hex } from '../types.js'

/** A validator's key and its EVM address (the address the endpoint's origin config lists). */
export type TestValidator = { privateKey: Hex; address: Hex }

/** The domain of the simulated origin (hardhat's chain id, as an EVM origin would have). */
export const ORIGIN = 31337
/**
 * The simulated origin's endpoint, as bytes32: the address hardhat gives the first contract its
 * first account deploys, as the spec's checkpoint vectors have it.
 */
export const ORIGIN_ENDPOINT: Hex =
  '0x0000000000000000000000005fbdb2315678afecb367f032d93f642f64180aa3'
/** The app on the simulated origin that sends every message. */
export const ORIGIN_SENDER: Hex = `0x${'00'.repeat(12)}${'ab'.repeat(20)}`

/** Options of `Origin.send`: the message's header fields a test varies. */
export type OriginSendOptions = {
  gasLimit?: number
  ackGasLimit?: number
  deadline?: bigint
  flags?: number
  /** The body's bytes, in place of `body`'s UTF-8 text. */
  bodyHex?: Hex
}

/**
 * A simulated origin (`ORIGIN`, its endpoint `ORIGIN_ENDPOINT`): builds messages to one
 * destination, keeps their merkle tree and signs its checkpoints with `validators`, so a test
 * delivers them with valid proofs, as a relayer would, without a second chain.
 *
 * @example
 * await configureOrigin(chain, endpoint, validators)
 * const origin = new Origin(7001, validators)
 * const message = origin.send(recipient, 'ok:ping')
 * await chain.must(RELAYER, endpoint, deliverMsg(message, await origin.prove(message)))
 */
export class Origin {
  readonly tree = new MerkleTree()
  readonly messages: Hex[] = []
  readonly nonces = new Map<string, bigint>()

  readonly destination: number
  readonly validators: readonly TestValidator[]

  constructor(destination: number, validators: readonly TestValidator[]) {
    this.destination = destination
    this.validators = validators
  }

  /** A message from `ORIGIN_SENDER` to `recipient` (bech32) with the next nonce on its channel. */
  send(recipient: string, body: string, options: OriginSendOptions = {}): Hex {
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
      body: options.bodyHex ?? `0x${Buffer.from(body, 'utf8').toString('hex')}`,
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
      this.validators
        .slice(0, signers)
        .map((v) => signCheckpoint({ privateKey: v.privateKey, checkpoint })),
    )
    return encodeProof({
      checkpointIndex: index,
      leafIndex,
      branch: this.tree.getProof(leafIndex).branch,
      signatures: await sortSignaturesBySigner({ signatures, checkpoint }),
    })
  }
}
