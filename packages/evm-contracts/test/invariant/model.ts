// The model of two Ferry endpoints for the invariant test: what each endpoint has sent (its tree),
// channel nonces, statuses, the verifiers' configurations, and the block time. `predict*`
// functions say what a call must do, from PROTOCOL.md §4–§8 alone: revert with a named error
// (leaving the model untouched), or succeed with exactly these events (updating the model).
import {
  decodeAckBody,
  encodeAckBody,
  encodeMessage,
  getChannelKey,
  getMessageId,
  type Message,
  MessageFlags,
  MessageStatus,
} from '@ferry/protocol'
import { encodeErrorResult, type Hex, parseAbi } from 'viem'

export type SideKey = 'a' | 'b'
export const SIDES = ['a', 'b'] as const
export const other = (side: SideKey): SideKey => (side === 'a' ? 'b' : 'a')

/** What receives a message, which decides how its handler ends. */
export type Target = 'app' | 'reverting' | 'eoa' | 'foreign'
export type Status = (typeof MessageStatus)[keyof typeof MessageStatus]

/** A message an endpoint sent: a leaf of its tree. */
export type Sent = {
  id: Hex
  encoded: Hex
  fields: Message
  origin: SideKey
  leafIndex: number
  channel: Hex
  target: Target
  /** Who would receive this message's ack: the sender, an app or an EOA. */
  ackTarget: Target
}

export type Model = {
  /** Timestamp of the latest (or, inside a command, the current) block. */
  time: bigint
  domains: Record<SideKey, number>
  /** Everything each endpoint sent, by leaf index, acks included. */
  sent: Record<SideKey, Sent[]>
  /** Messages sent per channel (of either origin). */
  outbound: Map<Hex, bigint>
  /** Messages delivered per channel (on its destination). */
  inbound: Map<Hex, bigint>
  /** `messageStatus` of each message on its destination (absent: None). */
  status: Map<Hex, Status>
  /** Revert data kept for a Failed message that asked for an ack. */
  lastRevert: Map<Hex, Hex>
  /** Whether the RevertingRecipient on each side reverts. */
  reverting: Record<SideKey, boolean>
  /** The verifier on each side: its validators (indices into the key pool) and threshold. */
  configs: Record<SideKey, { validators: readonly number[]; threshold: number }>
  /** Successful configuration calls (by the owner) on each side's verifier. */
  configChanges: Record<SideKey, number>
}

export type Effects = {
  sent: Sent[]
  delivered: { id: Hex; origin: number; sender: Hex; nonce: bigint; status: number; result: Hex }[]
  retried: { id: Hex; status: number; result: Hex }[]
  timedOut: Hex[]
  acks: { ackId: Hex; originalId: Hex; originalStatus: number; status: number }[]
  feesAdded: { id: Hex; amount: bigint }[]
}
export type Prediction =
  | { ok: true; effects: Effects }
  | { ok: false; name: string; args: readonly unknown[] }

export const noEffects = (): Effects => ({
  sent: [],
  delivered: [],
  retried: [],
  timedOut: [],
  acks: [],
  feesAdded: [],
})
const revert = (name: string, args: readonly unknown[]): Prediction => ({ ok: false, name, args })

/** Gas limits every send uses: enough for TestRecipient's handlers with bodies ≤ 64 bytes. */
export const GAS_LIMIT = 500_000
export const ACK_GAS_LIMIT = 300_000

const revertingAbi = parseAbi(['error RevertingRecipientReverted(uint64 nonce)'])

/** Appends a message to `origin`'s tree with the next nonce of its channel. */
export function recordSend(
  model: Model,
  origin: SideKey,
  fields: Omit<Message, 'nonce' | 'version'>,
  targets: { target: Target; ackTarget: Target },
  effects: Effects,
): Sent {
  const channel = getChannelKey(fields)
  const nonce = (model.outbound.get(channel) ?? 0n) + 1n
  model.outbound.set(channel, nonce)
  const full = { ...fields, version: 1, nonce }
  const encoded = encodeMessage(full)
  const leafIndex = model.sent[origin].length
  const sent = { id: getMessageId(encoded), encoded, fields: full, origin, leafIndex, channel }
  const record = { ...sent, ...targets }
  model.sent[origin].push(record)
  effects.sent.push(record)
  return record
}

/** How `m`'s handler ends on `dest` now (PROTOCOL §7.4): TestRecipient returns nothing. */
function handle(model: Model, dest: SideKey, m: Sent): { ok: boolean; result: Hex } {
  if (m.target === 'app') return { ok: true, result: '0x' }
  if (m.target === 'reverting' && !model.reverting[dest]) return { ok: true, result: '0x' }
  if (m.target === 'reverting') {
    const args = [m.fields.nonce] as const
    const result = encodeErrorResult({
      abi: revertingAbi,
      errorName: 'RevertingRecipientReverted',
      args,
    })
    return { ok: false, result }
  }
  // No code there, or not an EVM address at all.
  return { ok: false, result: '0x' }
}

/** The ack `dest` sends for `m` (PROTOCOL §8). */
function sendAck(model: Model, dest: SideKey, m: Sent, status: Status, result: Hex, e: Effects) {
  const fields = {
    flags: MessageFlags.isAck,
    origin: model.domains[dest],
    sender: m.fields.recipient,
    destination: m.fields.origin,
    recipient: m.fields.sender,
    deadline: 0n,
    gasLimit: m.fields.ackGasLimit,
    ackGasLimit: 0,
    body: encodeAckBody({ originalId: m.id, status, result }),
  }
  recordSend(model, dest, fields, { target: m.ackTarget, ackTarget: 'eoa' }, e)
}

/** Records a handler call's outcome, as the endpoint's `_settle` does. */
function settle(model: Model, dest: SideKey, m: Sent, isRetry: boolean, e: Effects) {
  const { ok, result } = handle(model, dest, m)
  const ackRequested = (m.fields.flags & MessageFlags.ackRequested) !== 0
  const status = ok ? MessageStatus.Executed : MessageStatus.Failed
  if (ok) model.status.set(m.id, status)
  if (ok) model.lastRevert.delete(m.id)
  if (!ok) model.status.set(m.id, MessageStatus.Failed)
  if (!ok && ackRequested) model.lastRevert.set(m.id, result)
  if (isRetry) e.retried.push({ id: m.id, status, result })
  else e.delivered.push({ ...origin(m), status, result })
  if ((m.fields.flags & MessageFlags.isAck) !== 0) {
    const { originalId, status: originalStatus } = decodeAckBody(m.fields.body)
    e.acks.push({ ackId: m.id, originalId, originalStatus, status })
  }
  if (ok && ackRequested) sendAck(model, dest, m, MessageStatus.Executed, result, e)
}

const origin = (m: Sent) => ({
  id: m.id,
  origin: m.fields.origin,
  sender: m.fields.sender,
  nonce: m.fields.nonce,
})
const passed = (model: Model, m: Sent) => m.fields.deadline !== 0n && model.time > m.fields.deadline

/** What proof a relayer hands over: a valid one, too few signatures, or a stranger's. */
export type ProofKind = 'valid' | 'short' | 'stranger'

/**
 * `deliverBatch(msgs)` on `dest` (or `deliver` for one): each message in channel order, the first
 * proof carrying the signatures (checked after the first message's nonce), the rest none.
 */
export function predictDelivery(
  model: Model,
  dest: SideKey,
  msgs: readonly Sent[],
  proof: ProofKind,
  verifierError: { name: string; args: readonly unknown[] },
): Prediction {
  const inbound = new Map(model.inbound)
  for (const [i, m] of msgs.entries()) {
    const expected = (inbound.get(m.channel) ?? 0n) + 1n
    if (m.fields.nonce !== expected)
      return revert('EndpointNonceOutOfOrder', [m.channel, expected, m.fields.nonce])
    if (i === 0 && proof !== 'valid') return revert(verifierError.name, verifierError.args)
    inbound.set(m.channel, expected)
  }
  const e = noEffects()
  for (const m of msgs) {
    model.inbound.set(m.channel, m.fields.nonce)
    if (!passed(model, m)) {
      settle(model, dest, m, false, e)
      continue
    }
    model.status.set(m.id, MessageStatus.TimedOut)
    e.delivered.push({ ...origin(m), status: MessageStatus.TimedOut, result: '0x' })
    if ((m.fields.flags & MessageFlags.ackRequested) !== 0)
      sendAck(model, dest, m, MessageStatus.TimedOut, '0x', e)
  }
  return { ok: true, effects: e }
}

/** `retry(m, gasLimit)` on its destination `dest`. */
export function predictRetry(model: Model, dest: SideKey, m: Sent, gasLimit: number): Prediction {
  const status = model.status.get(m.id) ?? MessageStatus.None
  if (status !== MessageStatus.Failed) return revert('EndpointNotRetryable', [m.id, status])
  if (passed(model, m)) return revert('EndpointDeadlinePassed', [m.id, m.fields.deadline])
  if (gasLimit < m.fields.gasLimit)
    return revert('EndpointRetryGasLimitTooLow', [m.id, gasLimit, m.fields.gasLimit])
  const e = noEffects()
  settle(model, dest, m, true, e)
  return { ok: true, effects: e }
}

/**
 * `addFee(encoded)` with `amount` on `side` (PROTOCOL §9): only for a message `side` sent (its
 * origin is `side`, its channel reached its nonce), only with value.
 */
export function predictAddFee(
  model: Model,
  side: SideKey,
  m: { id: Hex; fields: Message; channel: Hex },
  amount: bigint,
): Prediction {
  const local = model.domains[side]
  if (m.fields.origin !== local) return revert('EndpointWrongOrigin', [local, m.fields.origin])
  const sent = model.outbound.get(m.channel) ?? 0n
  if (m.fields.nonce === 0n || m.fields.nonce > sent)
    return revert('EndpointMessageNotSent', [m.id, m.fields.nonce, sent])
  if (amount === 0n) return revert('EndpointZeroFee', [m.id])
  const e = noEffects()
  e.feesAdded.push({ id: m.id, amount })
  return { ok: true, effects: e }
}

/** `timeout(m)` on its destination `dest`. */
export function predictTimeout(model: Model, dest: SideKey, m: Sent): Prediction {
  const status = model.status.get(m.id) ?? MessageStatus.None
  if (status !== MessageStatus.Failed) return revert('EndpointNotTimeoutable', [m.id, status])
  if (m.fields.deadline === 0n) return revert('EndpointNoDeadline', [m.id])
  if (!passed(model, m))
    return revert('EndpointDeadlineNotPassed', [m.id, m.fields.deadline, model.time])
  const e = noEffects()
  model.status.set(m.id, MessageStatus.TimedOut)
  e.timedOut.push(m.id)
  if ((m.fields.flags & MessageFlags.ackRequested) !== 0) {
    const result = model.lastRevert.get(m.id) ?? '0x'
    model.lastRevert.delete(m.id)
    sendAck(model, dest, m, MessageStatus.TimedOut, result, e)
  }
  return { ok: true, effects: e }
}

/**
 * `setOrigin` (a new validator set) or `setThreshold` (`validators` null) on `side`'s verifier
 * by `caller`: only the owner, only a threshold in [1, set size].
 */
export function predictConfig(
  model: Model,
  side: SideKey,
  call: { caller: Hex; isOwner: boolean; validators: readonly number[] | null; threshold: number },
): Prediction {
  if (!call.isOwner) return revert('OwnableUnauthorizedAccount', [call.caller])
  const validators = call.validators ?? model.configs[side].validators
  if (call.threshold === 0 || call.threshold > validators.length)
    return revert('MultisigVerifierInvalidThreshold', [call.threshold, BigInt(validators.length)])
  model.configs[side] = { validators, threshold: call.threshold }
  model.configChanges[side]++
  return { ok: true, effects: noEffects() }
}
