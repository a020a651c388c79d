// Commands of the invariant test that move messages: send, deliver (single or batch, in order or
// not, with good or bad proofs), retry and timeout. Each predicts its call with the model, makes
// it, compares, then checks every invariant (`step`).
import {
  encodeMessage,
  getChannelKey,
  getMessageId,
  type Message,
  MessageFlags,
} from '@ferry/protocol'
import type fc from 'fast-check'
import { type Hex, size } from 'viem'
import { step } from './checks.ts'
import {
  ACK_GAS_LIMIT,
  GAS_LIMIT,
  type Model,
  noEffects,
  other,
  type ProofKind,
  predictAddFee,
  predictDelivery,
  predictRetry,
  predictTimeout,
  recordSend,
  type SideKey,
  type Target,
} from './model.ts'
import { b32, buildProofs, inbox, type Real, sideOf, TX_GAS } from './system.ts'

type Command = fc.AsyncCommand<Model, Real>

/** Item `n` (modulo the length) of `items`: any nat picks something. */
const ofNat = <T>(items: readonly T[], n: number): T | undefined => items[n % items.length]

/** An app or an EOA on `origin` sends to a recipient on the other side, paying the quote. */
export class Send implements Command {
  constructor(
    readonly origin: SideKey,
    readonly sender: 'app' | 'alice' | 'bob',
    readonly target: Target,
    readonly body: Hex,
    readonly ack: boolean,
    readonly deadline: number | null,
  ) {}
  check = () => true
  async run(model: Model, real: Real) {
    const { world, apps } = real
    const dest = other(this.origin)
    const from = this.sender === 'bob' ? world.bob : world.alice
    const senderAddress =
      this.sender === 'app' ? apps[this.origin].app.address : from.account.address
    const recipients: Record<Target, Hex> = {
      app: b32(apps[dest].app.address),
      reverting: b32(apps[dest].reverting.address),
      eoa: b32(world.bob.account.address),
      foreign: `0x${'f0'.repeat(32)}`,
    }
    const ackGasLimit = this.ack ? ACK_GAS_LIMIT : 0
    const { endpoint } = sideOf(real, this.origin)
    const fee = await endpoint.read.quote([
      model.domains[dest],
      BigInt(size(this.body)),
      GAS_LIMIT,
      ackGasLimit,
    ])
    let deadline = 0n
    await step(
      model,
      real,
      this.origin,
      () => {
        deadline = this.deadline === null ? 0n : model.time + BigInt(this.deadline)
        const effects = noEffects()
        const fields = {
          flags: this.ack ? MessageFlags.ackRequested : 0,
          origin: model.domains[this.origin],
          sender: b32(senderAddress),
          destination: model.domains[dest],
          recipient: recipients[this.target],
          deadline,
          gasLimit: GAS_LIMIT,
          ackGasLimit,
          body: this.body,
        }
        const ackTarget = this.sender === 'app' ? 'app' : 'eoa'
        recordSend(model, this.origin, fields, { target: this.target, ackTarget }, effects)
        return { ok: true, effects }
      },
      () => {
        const args = [
          model.domains[dest],
          recipients[this.target],
          this.body,
          GAS_LIMIT,
          ackGasLimit,
          deadline,
        ] as const
        const options = { account: from.account, value: fee, gas: TX_GAS }
        return this.sender === 'app'
          ? apps[this.origin].app.write.sendVia([endpoint.address, ...args], options)
          : endpoint.write.send([...args], options)
      },
    )
  }
  toString = () =>
    `send(${this.origin}→${other(this.origin)}, ${this.sender}→${this.target}, ${size(this.body)}B${this.ack ? ', ack' : ''}${this.deadline === null ? '' : `, deadline +${this.deadline}s`})`
}

/**
 * A relayer delivers to `dest`: the next pending messages in order (`picks` null), or any sent
 * messages in any order (replays, gaps and reorders must revert and change nothing).
 */
export class Deliver implements Command {
  constructor(
    readonly dest: SideKey,
    readonly count: number,
    readonly picks: readonly number[] | null,
    readonly batch: boolean,
    readonly proof: ProofKind,
  ) {}
  check = (model: Readonly<Model>) => model.sent[other(this.dest)].length > 0
  async run(model: Model, real: Real) {
    const all = inbox(model, this.dest, 'all')
    const chosen =
      this.picks === null
        ? inbox(model, this.dest, 'pending').slice(0, this.count)
        : this.picks.flatMap((n) => ofNat(all, n) ?? [])
    const msgs = this.batch ? chosen : chosen.slice(0, 1)
    if (msgs.length === 0) return
    const { proofs, verifierError } = await buildProofs(
      model,
      real,
      other(this.dest),
      msgs,
      this.proof,
    )
    const { endpoint } = sideOf(real, this.dest)
    const options = { account: real.world.relayer.account, gas: TX_GAS }
    const [message = '0x', proof = '0x'] = [msgs[0]?.encoded, proofs[0]]
    await step(
      model,
      real,
      this.dest,
      () => predictDelivery(model, this.dest, msgs, this.proof, verifierError),
      () =>
        this.batch
          ? endpoint.write.deliverBatch([msgs.map((m) => m.encoded), proofs], options)
          : endpoint.write.deliver([message, proof], options),
    )
  }
  toString = () =>
    `deliver${this.batch ? 'Batch' : ''}(→${this.dest}, ${this.picks === null ? `next ${this.count}` : `picks [${this.picks}]`}, ${this.proof} proof)`
}

/**
 * Anyone retries or times out a message sent to `dest` (mostly a Failed one); a retry gives the
 * handler the message's own gas limit plus `extraGas` (negative: too little, rejected).
 */
export class RetryOrTimeout implements Command {
  constructor(
    readonly kind: 'retry' | 'timeout',
    readonly dest: SideKey,
    readonly pick: number,
    readonly failedOnly: boolean,
    readonly extraGas: number,
  ) {}
  check = (model: Readonly<Model>) => model.sent[other(this.dest)].length > 0
  async run(model: Model, real: Real) {
    const failed = inbox(model, this.dest, 'failed')
    const m = ofNat(
      this.failedOnly && failed.length > 0 ? failed : inbox(model, this.dest, 'all'),
      this.pick,
    )
    if (!m) return
    const { endpoint } = sideOf(real, this.dest)
    const options = { account: real.world.stranger.account, gas: TX_GAS }
    const gasLimit = m.fields.gasLimit + this.extraGas
    await step(
      model,
      real,
      this.dest,
      () =>
        this.kind === 'retry'
          ? predictRetry(model, this.dest, m, gasLimit)
          : predictTimeout(model, this.dest, m),
      () =>
        this.kind === 'retry'
          ? endpoint.write.retry([m.encoded, gasLimit], options)
          : endpoint.write.timeout([m.encoded], options),
    )
  }
  toString = () =>
    `${this.kind}(→${this.dest}, pick ${this.pick}${this.failedOnly ? ' of Failed' : ''}${this.kind === 'retry' ? `, gas ${this.extraGas >= 0 ? '+' : ''}${this.extraGas}` : ''})`
}

/**
 * Anyone tops up the fee of a message on `side` (PROTOCOL §9): one it sent (`sent`, an ack
 * included), the same with the next nonce of its channel (`ahead`, never sent), one the other
 * side sent (`foreign`); with `amount` wei (0 is rejected).
 */
export class AddFee implements Command {
  constructor(
    readonly side: SideKey,
    readonly pick: number,
    readonly which: 'sent' | 'ahead' | 'foreign',
    readonly amount: bigint,
  ) {}
  check = (model: Readonly<Model>) =>
    model.sent[this.which === 'foreign' ? other(this.side) : this.side].length > 0
  async run(model: Model, real: Real) {
    const pool = model.sent[this.which === 'foreign' ? other(this.side) : this.side]
    const picked = ofNat(pool, this.pick)
    if (!picked) return
    let fields: Message = picked.fields
    if (this.which === 'ahead')
      fields = { ...fields, nonce: (model.outbound.get(picked.channel) ?? 0n) + 1n }
    const encoded = encodeMessage(fields)
    const m = { id: getMessageId(encoded), fields, channel: getChannelKey(fields) }
    const { endpoint } = sideOf(real, this.side)
    const options = { account: real.world.stranger.account, value: this.amount, gas: TX_GAS }
    await step(
      model,
      real,
      this.side,
      () => predictAddFee(model, this.side, m, this.amount),
      () => endpoint.write.addFee([encoded], options),
    )
  }
  toString = () => `addFee(${this.side}, ${this.which} pick ${this.pick}, ${this.amount} wei)`
}
