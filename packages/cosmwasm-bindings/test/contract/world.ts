// Two CosmWasm endpoints in one embedded chain (domains 7001 and 7002), each configured as the
// other's origin with the vector validator set (threshold 3) and zero fees, and two test
// recipients as apps. The world records every `ferry_message_sent` of each endpoint into that
// endpoint's merkle tree (as a relayer indexing it would), so any sent message can be proved
// with real checkpoint signatures and relayed, in either direction. Mirrors the EVM tests'
// `deployWorld` (packages/evm-contracts/test/helpers/world.ts).
import {
  bech32ToBytes32,
  encodeProof,
  getMessageId,
  MerkleTree,
  signCheckpoint,
  sortSignaturesBySigner,
} from '@ferry/protocol'
import {
  b64,
  Chain,
  type ChainOptions,
  type ContractError,
  contractError,
  eventsOf,
  type Hex,
  type Outcome,
  OWNER,
  RELAYER,
} from './harness.ts'
import { VALIDATORS } from './relay.ts'

export const DOMAIN_A = 7001
export const DOMAIN_B = 7002
/** A fee config under which every fee is 0, so apps send without funds. */
export const ZERO_FEES = {
  base_fee: '0',
  gas_price: '0',
  rate: '1',
  gas_overhead: 0,
  gas_per_byte: 0,
  max_gas_limit: 16_777_216,
}

export type Sent = { id: Hex; message: Hex; leafIndex: number; nonce: bigint; destination: number }

/** One endpoint and the messages it sent, in its tree's order. */
export class Side {
  readonly tree = new MerkleTree()
  readonly sent: Sent[] = []

  constructor(
    readonly domain: number,
    readonly endpoint: string,
  ) {}

  get bytes32(): Hex {
    return bech32ToBytes32(this.endpoint)
  }
}

export type ProveOptions = { signers?: number[]; checkpointIndex?: number; privateKeys?: Hex[] }

/**
 * A proof of leaf `leafIndex` of the tree of `ids`, under the checkpoint of `from`'s origin
 * endpoint after the last of them, signed as `prove` signs. Also proves messages an endpoint
 * never sent (malformed on purpose), as a compromised validator set could.
 */
export async function proveLeaves(
  from: Side,
  ids: Hex[],
  leafIndex: number,
  options: ProveOptions = {},
): Promise<Hex> {
  const tree = new MerkleTree(ids)
  const index = ids.length - 1
  const checkpoint = { origin: from.domain, originEndpoint: from.bytes32, root: tree.root(), index }
  const keys =
    options.privateKeys ?? (options.signers ?? [0, 1, 2]).map((i) => VALIDATORS[i]!.privateKey)
  const signatures = await Promise.all(
    keys.map((privateKey) => signCheckpoint({ privateKey, checkpoint })),
  )
  return encodeProof({
    checkpointIndex: index,
    leafIndex,
    branch: tree.getProof(leafIndex).branch,
    signatures: await sortSignaturesBySigner({ signatures, checkpoint }),
  })
}

export type SendOptions = {
  body?: string
  gasLimit?: number
  ackGasLimit?: number
  deadline?: bigint
}

export class World {
  readonly sides = new Map<string, Side>()

  private constructor(
    readonly chain: Chain,
    readonly a: Side,
    readonly b: Side,
    readonly appA: string,
    readonly appB: string,
  ) {
    this.sides.set(a.endpoint, a)
    this.sides.set(b.endpoint, b)
  }

  static async create(options: ChainOptions = {}): Promise<World> {
    const chain = await Chain.create(options)
    const a = new Side(DOMAIN_A, await chain.endpoint(DOMAIN_A))
    const b = new Side(DOMAIN_B, await chain.endpoint(DOMAIN_B))
    const world = new World(chain, a, b, await chain.recipient(), await chain.recipient())
    for (const [side, other] of [
      [a, b],
      [b, a],
    ] as const) {
      for (const domain of [DOMAIN_A, DOMAIN_B]) {
        await world.must(OWNER, side.endpoint, { set_fee_config: { domain, config: ZERO_FEES } })
      }
      await world.setOrigin(side, other)
    }
    return world
  }

  /** Configures `to` to accept messages from `from` with the vector validators (threshold 3). */
  async setOrigin(
    to: Side,
    from: Side,
    validators = VALIDATORS.map((v) => v.address),
    threshold = 3,
  ): Promise<void> {
    await this.must(OWNER, to.endpoint, {
      set_origin: { origin: from.domain, origin_endpoint: from.bytes32, validators, threshold },
    })
  }

  /** Executes, recording the messages each endpoint sent (whatever the top-level call was). */
  async execute(
    sender: string,
    contract: string,
    msg: unknown,
    funds: { denom: string; amount: string }[] = [],
  ): Promise<Outcome> {
    const out = await this.chain.execute(sender, contract, msg, funds)
    if (!out.ok) return out
    for (const event of out.events) {
      if (event.type !== 'wasm-ferry_message_sent') continue
      const fields = Object.fromEntries(event.attributes.map((a) => [a.key, a.value]))
      const side = this.sides.get(fields._contract_address ?? '')
      if (!side) continue
      // CAST: the endpoint emits `message` as 0x-prefixed lower-case hex.
      const message = fields.message as Hex
      const id = getMessageId(message)
      if (id !== fields.id || Number(fields.leaf_index) !== side.tree.count) {
        throw new Error(`unexpected ferry_message_sent: ${JSON.stringify(fields)}`)
      }
      side.tree.insert(id)
      side.sent.push({
        id,
        message,
        leafIndex: Number(fields.leaf_index),
        nonce: BigInt(fields.nonce ?? 0),
        destination: Number(fields.destination),
      })
    }
    return out
  }

  async must(
    sender: string,
    contract: string,
    msg: unknown,
    funds: { denom: string; amount: string }[] = [],
  ) {
    const out = await this.execute(sender, contract, msg, funds)
    if (!out.ok) throw new Error(`execute failed: ${out.error}`)
    return out
  }

  /** The messages `side` sent during `out`. */
  sentIn(out: Outcome, side: Side): Sent[] {
    return eventsOf(out, 'ferry_message_sent')
      .filter((e) => e._contract_address === side.endpoint)
      .map((e) => {
        const sent = side.sent.find((s) => s.id === e.id)
        if (!sent) throw new Error(`not recorded: ${e.id}`)
        return sent
      })
  }

  /** `app` (a test recipient) sends through `from`'s endpoint, as itself (its `forward`). */
  async sendFrom(
    app: string,
    from: Side,
    destination: number,
    recipient: Hex,
    options: SendOptions = {},
  ): Promise<Sent> {
    const send = {
      send: {
        destination,
        recipient,
        body: b64(Buffer.from(options.body ?? 'ok:pong', 'utf8').toString('hex')),
        gas_limit: options.gasLimit ?? 200_000,
        ack_gas_limit: options.ackGasLimit ?? 0,
        deadline: (options.deadline ?? 0n).toString(),
      },
    }
    const msg = Buffer.from(JSON.stringify(send), 'utf8').toString('base64')
    const out = await this.must(RELAYER, app, { forward: { contract: from.endpoint, msg } })
    const [sent] = this.sentIn(out, from)
    if (!sent) throw new Error('nothing sent')
    return sent
  }

  /**
   * A proof of `message` (sent by `from`) under the checkpoint after leaf `checkpointIndex`
   * (default: the latest), signed by the vector validators at `signers` (default 0, 1, 2), or by
   * `privateKeys`, sorted by signer address.
   */
  prove(from: Side, message: Hex, options: ProveOptions = {}): Promise<Hex> {
    const leafIndex = from.sent.findIndex((s) => s.message === message)
    if (leafIndex < 0) throw new Error('message not sent by this side')
    const index = options.checkpointIndex ?? from.tree.count - 1
    return proveLeaves(
      from,
      from.sent.slice(0, index + 1).map((s) => s.id),
      leafIndex,
      options,
    )
  }

  /** Proves `message` from `from` and delivers it to `to`; throws if the delivery fails. */
  async relay(from: Side, to: Side, message: Hex, options: ProveOptions = {}) {
    const proof = await this.prove(from, message, options)
    return this.must(RELAYER, to.endpoint, {
      deliver: { message: b64(message), proof: b64(proof) },
    })
  }

  /** Delivers with a given proof, returning the outcome (ok or not). */
  deliver(to: Side, message: Hex, proof: Hex): Promise<Outcome> {
    return this.execute(RELAYER, to.endpoint, {
      deliver: { message: b64(message), proof: b64(proof) },
    })
  }

  query<T = unknown>(side: Side, msg: unknown): T {
    return this.chain.query<T>(side.endpoint, msg)
  }
}

/**
 * The error of a failed outcome: the endpoint's as `{ code, ...fields }`, any other as its text
 * ('' when it succeeded, so a matcher on it fails).
 */
export const errorOf = (out: Outcome): ContractError | string =>
  out.ok ? '' : contractError(out.error)

/** Lower-case hex of UTF-8 text, 0x-prefixed. */
export const hexText = (text: string): Hex => `0x${Buffer.from(text, 'utf8').toString('hex')}`

/** UTF-8 text of 0x-prefixed hex. */
export const textOf = (hex: string): string => Buffer.from(hex.slice(2), 'hex').toString('utf8')
