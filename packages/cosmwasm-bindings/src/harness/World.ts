import { getMessageId } from '@ferry/protocol'
import type { Hex } from '../types.js'
import { OWNER, RELAYER } from './accounts.js'
import { Chain, type ChainOptions, type Outcome } from './Chain.js'
import { b64, text64 } from './encoding.js'
import { eventsOf } from './eventsOf.js'
import type { TestValidator } from './Origin.js'
import { proveLeaves } from './proveLeaves.js'
import { type Sent, Side } from './Side.js'
import { ZERO_FEES } from './zeroFees.js'

/** The domain of the world's first endpoint. */
export const DOMAIN_A = 7001
/** The domain of the world's second endpoint. */
export const DOMAIN_B = 7002

/** Options of `World.sendFrom`: the body (UTF-8 text, default `ok:pong`) and header fields. */
export type SendOptions = {
  body?: string
  gasLimit?: number
  ackGasLimit?: number
  deadline?: bigint
}

/**
 * Signers of `World.prove`: the indexes in the world's validators (default 0, 1, 2), or other
 * keys; and the checkpoint after leaf `checkpointIndex` (default: the latest).
 */
export type ProveOptions = { signers?: number[]; checkpointIndex?: number; privateKeys?: Hex[] }

/** The world's validator set (each endpoint's origin config of the other) and the VM's options. */
export type WorldOptions = ChainOptions & { validators: readonly TestValidator[] }

/**
 * Two endpoints in one embedded chain (`DOMAIN_A`, `DOMAIN_B`), each configured as the other's
 * origin with `validators` (threshold 3) and zero fees, and two test recipients as apps
 * (`appA`, `appB`). It records every `ferry_message_sent` of each endpoint into that endpoint's
 * tree (as a relayer indexing it would), so any sent message can be proved with real checkpoint
 * signatures and relayed, in either direction.
 *
 * @example
 * const world = await World.create({ validators })
 * const sent = await world.sendFrom(world.appA, world.a, DOMAIN_B, bech32ToBytes32(world.appB))
 * await world.relay(world.a, world.b, sent.message)
 */
export class World {
  readonly sides = new Map<string, Side>()

  private constructor(
    readonly chain: Chain,
    readonly validators: readonly TestValidator[],
    readonly a: Side,
    readonly b: Side,
    readonly appA: string,
    readonly appB: string,
  ) {
    this.sides.set(a.endpoint, a)
    this.sides.set(b.endpoint, b)
  }

  static async create({ validators, ...options }: WorldOptions): Promise<World> {
    const chain = await Chain.create(options)
    const a = new Side(DOMAIN_A, await chain.endpoint(DOMAIN_A))
    const b = new Side(DOMAIN_B, await chain.endpoint(DOMAIN_B))
    const world = new World(
      chain,
      validators,
      a,
      b,
      await chain.recipient(),
      await chain.recipient(),
    )
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

  /** Configures `to` to accept messages from `from` with the world's validators (threshold 3). */
  async setOrigin(
    to: Side,
    from: Side,
    validators = this.validators.map((v) => v.address),
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

  /** Executes (recording what it sent) and throws unless it succeeded. */
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
        body: text64(options.body ?? 'ok:pong'),
        gas_limit: options.gasLimit ?? 200_000,
        ack_gas_limit: options.ackGasLimit ?? 0,
        deadline: (options.deadline ?? 0n).toString(),
      },
    }
    const msg = text64(JSON.stringify(send))
    const out = await this.must(RELAYER, app, { forward: { contract: from.endpoint, msg } })
    const [sent] = this.sentIn(out, from)
    if (!sent) throw new Error('nothing sent')
    return sent
  }

  /**
   * A proof of `message` (sent by `from`) under the checkpoint after leaf `checkpointIndex`
   * (default: the latest), signed by the world's validators at `signers` (default 0, 1, 2), or by
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
      options.privateKeys ??
        (options.signers ?? [0, 1, 2]).map((i) => {
          const validator = this.validators[i]
          if (!validator) throw new Error(`no validator ${i}`)
          return validator.privateKey
        }),
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

  /** Queries `side`'s endpoint; `T` names the answer's shape. */
  query<T = unknown>(side: Side, msg: unknown): T {
    return this.chain.query<T>(side.endpoint, msg)
  }
}
