// Channel order on a destination: what the end-to-end tests check once every message is in,
// from the destination endpoint's delivery events (`MessageDelivered` on EVM chains,
// `ferry_message_delivered` on CosmWasm, read by `cosmwasmDeliveries`).
import type { Hex } from 'viem'
import { expect } from 'vitest'
import type { StoredMessage } from '../../src/store/types.ts'
import type { EvmChain } from './evmWorld.ts'
import { deliveredLogs } from './exactlyOnce.ts'

/** Delivered messages by channel (`origin:sender`), in delivery order. */
export type ChannelDeliveries = Map<string, { id: string; nonce: bigint }[]>

/**
 * Delivered messages on `chain`'s endpoint by origin and sender (the events name no recipient;
 * each sender in these tests sends to one recipient per destination), in log order.
 *
 * @example
 * expectInOrder(await evmDeliveries(b), ids, 3)
 */
export async function evmDeliveries(chain: EvmChain): Promise<ChannelDeliveries> {
  const byChannel: ChannelDeliveries = new Map()
  for (const log of await deliveredLogs(chain)) {
    const key = `${log.args.origin}:${log.args.sender}`
    byChannel.set(key, [...(byChannel.get(key) ?? []), { id: log.args.id, nonce: log.args.nonce }])
  }
  return byChannel
}

/**
 * Asserts `ids` were each delivered once, on `channels` channels, and within each channel in
 * nonce order with no gap; returns the last nonce delivered on each channel.
 *
 * @example
 * const last = expectInOrder(await evmDeliveries(b), ids, 3)
 */
export function expectInOrder(
  deliveries: ChannelDeliveries,
  ids: readonly Hex[],
  channels: number,
): bigint[] {
  const wanted = new Set<string>(ids)
  const seen = new Set<string>()
  const last: bigint[] = []
  for (const delivered of deliveries.values()) {
    const ours = delivered.filter((d) => wanted.has(d.id))
    if (ours.length === 0) continue
    for (const d of ours) {
      expect(seen.has(d.id)).toBe(false)
      seen.add(d.id)
    }
    for (let i = 1; i < ours.length; i++)
      expect(ours[i]?.nonce).toBe((ours[i - 1]?.nonce ?? 0n) + 1n)
    last.push(ours.at(-1)?.nonce ?? 0n)
  }
  expect(last).toHaveLength(channels)
  expect(seen.size).toBe(ids.length)
  return last
}

/**
 * The message with the highest nonce among `messages`, per channel.
 *
 * @example
 * for (const { channel, nonce } of lastNonces(messages)) expect(await inboundNonce(channel)).toBe(nonce)
 */
export function lastNonces(messages: readonly StoredMessage[]): StoredMessage[] {
  const last = new Map<Hex, StoredMessage>()
  for (const m of messages) if ((last.get(m.channel)?.nonce ?? 0n) < m.nonce) last.set(m.channel, m)
  return [...last.values()]
}
