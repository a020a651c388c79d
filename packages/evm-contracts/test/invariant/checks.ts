// What the invariant test asserts: that a call did what the model predicted (the same revert, or
// exactly the predicted events), and, after every command, the invariants of the whole system,
// read from the chain and its event logs.
import { decodeMessage, getChannelKey, MerkleTree, MessageStatus } from '@ferry/protocol'
import { getAddress, type Hex, isHex } from 'viem'
import { expect } from 'vitest'
import { eventsIn } from '../helpers/world.ts'
import { type Model, other, type Prediction, SIDES, type SideKey } from './model.ts'
import { nextBlock, type Real, sideOf, type TxResult, transact } from './system.ts'

/** Lower-cases hex, recursively, so that checksummed and lower-case addresses compare equal. */
const norm = (value: unknown): unknown =>
  isHex(value) ? value.toLowerCase() : Array.isArray(value) ? value.map(norm) : value

/** Asserts that `result` is the `prediction`; endpoint events are read from `side`'s endpoint. */
export function expectPredicted(
  result: TxResult,
  prediction: Prediction,
  real: Real,
  side: SideKey,
) {
  if (!prediction.ok) {
    expect(result.ok, `expected a revert with ${prediction.name}`).toBe(false)
    if (!result.ok)
      expect(norm([result.name, result.args])).toEqual(norm([prediction.name, prediction.args]))
    return
  }
  expect(result.ok ? 'ok' : `reverted: ${result.name}(${result.args.join(', ')})`).toBe('ok')
  if (!result.ok) return
  const { receipt } = result
  const endpoint = sideOf(real, side)
  const { effects } = prediction
  expect(eventsIn(receipt, endpoint, 'MessageSent')).toEqual(
    effects.sent.map((s) => ({
      id: s.id,
      destination: s.fields.destination,
      recipient: s.fields.recipient,
      nonce: s.fields.nonce,
      leafIndex: s.leafIndex,
      message: s.encoded,
    })),
  )
  expect(eventsIn(receipt, endpoint, 'MessageDelivered')).toEqual(effects.delivered)
  expect(eventsIn(receipt, endpoint, 'MessageRetried')).toEqual(effects.retried)
  expect(eventsIn(receipt, endpoint, 'MessageTimedOut')).toEqual(
    effects.timedOut.map((id) => ({ id })),
  )
  expect(eventsIn(receipt, endpoint, 'AckDelivered')).toEqual(effects.acks)
  expect(eventsIn(receipt, endpoint, 'FeeAdded')).toEqual(effects.feesAdded)
  // The other endpoint is never touched by a call to this one.
  const otherEndpoint = sideOf(real, other(side)).endpoint.address.toLowerCase()
  expect(receipt.logs.filter((log) => log.address.toLowerCase() === otherEndpoint)).toEqual([])
}

/** Configuration-change events of the verifier on `side` since the run began. */
async function configEvents(real: Real, side: SideKey) {
  const { verifier } = sideOf(real, side)
  const logs = await Promise.all(
    (['OriginSet', 'ThresholdSet', 'OriginRemoved'] as const).map((eventName) =>
      real.world.publicClient.getContractEvents({
        address: verifier.address,
        abi: verifier.abi,
        eventName,
        fromBlock: real.fromBlock,
      }),
    ),
  )
  return logs.flat()
}

/**
 * The system invariants, after every command:
 * - each message id has at most one MessageDelivered, and exactly the delivered ones have one;
 * - per channel, delivered nonces run 1, 2, 3, … in event order (inbound nonces never skip), and
 *   `inboundNonce` is their count;
 * - per channel, MessageSent nonces run 1, 2, 3, … and `outboundNonce` is the number of sends;
 * - `merkleCount` is the number of MessageSent (acks included) and `merkleRoot` their tree's root;
 * - each message's `messageStatus` is the model's;
 * - each verifier's configuration is the model's, and changed only in owner transactions.
 */
export async function checkInvariants(model: Model, real: Real): Promise<void> {
  const { publicClient, owner } = real.world
  const reads: Promise<void>[] = []
  for (const side of SIDES) {
    const { endpoint, verifier } = sideOf(real, side)
    const sent = model.sent[side]
    const events = {
      address: endpoint.address,
      abi: endpoint.abi,
      fromBlock: real.fromBlock,
      strict: true,
    } as const
    reads.push(
      (async () => {
        const [count, root, sentLogs, deliveredLogs] = await Promise.all([
          endpoint.read.merkleCount(),
          endpoint.read.merkleRoot(),
          publicClient.getContractEvents({ ...events, eventName: 'MessageSent' }),
          publicClient.getContractEvents({ ...events, eventName: 'MessageDelivered' }),
        ])
        expect(count).toBe(sent.length)
        expect(sentLogs.map((log) => log.args.id)).toEqual(sent.map((s) => s.id))
        expect(root).toBe(new MerkleTree(sent.map((s) => s.id)).root())
        expectRuns(sentLogs.map((log) => ({ message: log.args.message, nonce: log.args.nonce })))

        const incoming = new Map(model.sent[other(side)].map((s) => [s.id, s]))
        const seen = new Set<Hex>()
        const delivered = deliveredLogs.map(({ args: { id, nonce } }) => {
          expect(seen.has(id), `MessageDelivered twice for ${id}`).toBe(false)
          seen.add(id)
          return { message: incoming.get(id)?.encoded ?? '0x', nonce }
        })
        const expected = [...incoming.values()].filter((s) => model.status.has(s.id))
        expect([...seen].sort()).toEqual(expected.map((s) => s.id).sort())
        expectRuns(delivered)
      })(),
    )
    // Nonces of every channel this side sends on; statuses of what it sent, on the other side.
    const dest = sideOf(real, other(side)).endpoint
    for (const channel of new Set(sent.map((s) => s.channel))) {
      reads.push(
        (async () => {
          const [outbound, inbound] = await Promise.all([
            endpoint.read.outboundNonce([channel]),
            dest.read.inboundNonce([channel]),
          ])
          expect(outbound).toBe(model.outbound.get(channel))
          expect(inbound).toBe(model.inbound.get(channel) ?? 0n)
        })(),
      )
    }
    for (const s of sent) {
      reads.push(
        dest.read.messageStatus([s.encoded]).then((status) => {
          expect(status).toBe(model.status.get(s.id) ?? MessageStatus.None)
        }),
      )
    }
    reads.push(
      (async () => {
        const [, validators, threshold] = await verifier.read.originConfig([
          model.domains[other(side)],
        ])
        const config = model.configs[side]
        expect(validators).toEqual(config.validators.map((i) => real.pool[i]?.address))
        expect(threshold).toBe(config.threshold)
        const changes = await configEvents(real, side)
        expect(changes).toHaveLength(model.configChanges[side])
        for (const log of changes) {
          const tx = await publicClient.getTransaction({ hash: log.transactionHash })
          expect(getAddress(tx.from)).toBe(getAddress(owner.account.address))
        }
      })(),
    )
  }
  await Promise.all(reads)
}

/** Per channel, the nonces of `events` (in log order) are 1, 2, 3, … with no gap or repeat. */
function expectRuns(events: readonly { message: Hex; nonce: bigint }[]) {
  const last = new Map<Hex, bigint>()
  for (const { message, nonce } of events) {
    const channel = getChannelKey(decodeMessage(message))
    const expected = (last.get(channel) ?? 0n) + 1n
    expect(nonce, `channel ${channel}`).toBe(expected)
    last.set(channel, nonce)
  }
}

/** Predicts with the model at the next block's time, sends, compares, checks the invariants. */
export async function step(
  model: Model,
  real: Real,
  side: SideKey,
  predict: () => Prediction | Promise<Prediction>,
  send: () => Promise<Hex>,
) {
  await nextBlock(model, real)
  const prediction = await predict()
  expectPredicted(await transact(real, send), prediction, real, side)
  await checkInvariants(model, real)
}
