// Exactly-once checks the end-to-end and fault tests end with, in the store (stage, status, one
// delivery outcome per message) and on chain (one `MessageDelivered` per id, recipients' handled
// counts), and the sends they check.
import { endpointAbi } from '@ferry/evm-contracts'
import { MessageStatus } from '@ferry/protocol'
import type { Address, Hex } from 'viem'
import { expect } from 'vitest'
import type { RelayerStore, StoredAttempt, StoredMessage } from '../../src/store/types.ts'
import { type EvmChain, readApp, sendMessages, toB32 } from './evmWorld.ts'

/** One message sent in a test, and where it must be handled. */
export type Sent = { id: Hex; destination: EvmChain; recipient: Address }

/**
 * Sends `count` messages from `from.apps[app]` to `to.apps[app]` (channel `app` of that
 * direction) and records them in `sent`.
 *
 * @example
 * await send(sent, a, b, 0, 5)
 */
export async function send(
  sent: Sent[],
  from: EvmChain,
  to: EvmChain,
  app: 0 | 1 | 2,
  count: number,
  body: Hex = '0x',
): Promise<Hex[]> {
  const ids = await sendMessages(from, count, {
    app: from.apps[app],
    destination: to.domain,
    recipient: toB32(to.apps[app]),
    body,
  })
  for (const id of ids) sent.push({ id, destination: to, recipient: to.apps[app] })
  return ids
}

/** Whether the store has every message of `ids` `done`. */
export async function allDone(store: RelayerStore, ids: readonly Hex[]): Promise<boolean> {
  for (const id of ids) if ((await store.getMessage(id))?.stage !== 'done') return false
  return true
}

/** Every `MessageDelivered` log on `chain`'s endpoint, in log order. */
export const deliveredLogs = (chain: EvmChain) =>
  chain.client.getContractEvents({
    address: chain.endpoint,
    abi: endpointAbi,
    eventName: 'MessageDelivered',
    fromBlock: 0n,
    strict: true,
  })

/** `MessageDelivered` logs on `chain`'s endpoint, by message id, with their transactions. */
export async function deliveries(
  chain: EvmChain,
): Promise<Map<Hex, { transactionHash: Hex; status: number }[]>> {
  const byId = new Map<Hex, { transactionHash: Hex; status: number }[]>()
  for (const log of await deliveredLogs(chain))
    byId.set(log.args.id, [
      ...(byId.get(log.args.id) ?? []),
      { transactionHash: log.transactionHash, status: log.args.status },
    ])
  return byId
}

const OUTCOMES = new Set(['delivered', 'delivered_by_other', 'retried', 'timed_out'])

/**
 * Asserts each message of `sent` was executed exactly once: in the store `done`, Executed, with
 * exactly one delivery outcome among its attempts; on chain exactly one `MessageDelivered` (status
 * Executed, by the transaction the store names when it delivered it itself), and every recipient
 * handled exactly what was sent to it in this test (`handledBefore`: its count at the start).
 * Returns every message's attempts, by id.
 *
 * @example
 * const attempts = await expectDeliveredOnce(store, sent, handledBefore)
 */
export async function expectDeliveredOnce(
  store: RelayerStore,
  sent: readonly Sent[],
  handledBefore: ReadonlyMap<string, bigint> = new Map(),
): Promise<Map<Hex, StoredAttempt[]>> {
  const onChain = new Map<EvmChain, Awaited<ReturnType<typeof deliveries>>>()
  for (const { destination } of sent)
    if (!onChain.has(destination)) onChain.set(destination, await deliveries(destination))
  const attempts = new Map<Hex, StoredAttempt[]>()
  for (const { id, destination } of sent) {
    const logs = onChain.get(destination)?.get(id) ?? []
    expect(logs, `MessageDelivered of ${id}`).toHaveLength(1)
    expect(logs[0]?.status).toBe(MessageStatus.Executed)
    const message = await store.getMessage(id)
    expect(message, `stored ${id}`).toMatchObject({ stage: 'done', status: MessageStatus.Executed })
    const log = await store.getAttempts(id)
    attempts.set(id, log)
    const outcomes = log.filter((attempt) => OUTCOMES.has(attempt.reason))
    expect(outcomes, `delivery outcomes of ${id}`).toHaveLength(1)
    if (outcomes[0]?.reason === 'delivered')
      expect(outcomes[0].transactionHash).toBe(logs[0]?.transactionHash)
  }
  const recipients = new Map<string, { chain: EvmChain; app: Address; count: bigint }>()
  for (const { destination, recipient } of sent) {
    const key = appKey(destination, recipient)
    recipients.set(key, {
      chain: destination,
      app: recipient,
      count: (recipients.get(key)?.count ?? 0n) + 1n,
    })
  }
  for (const [key, { chain, app, count }] of recipients)
    expect(
      (await readApp(chain, app, 'handled')) - (handledBefore.get(key) ?? 0n),
      `handled by ${key}`,
    ).toBe(count)
  return attempts
}

/**
 * Asserts, in the store alone, that each message of `ids` is `done` and Executed, delivered by
 * exactly one `delivered` attempt (the relayer's own: no retry, no delivery by another); returns
 * the stored messages, in the order of `ids`.
 *
 * @example
 * const messages = await expectDeliveredByOne(store, ids)
 */
export async function expectDeliveredByOne(
  store: RelayerStore,
  ids: readonly Hex[],
): Promise<StoredMessage[]> {
  const messages: StoredMessage[] = []
  for (const id of ids) {
    const message = await store.getMessage(id)
    expect(message, `stored ${id}`).toMatchObject({ stage: 'done', status: MessageStatus.Executed })
    if (message) messages.push(message)
    const attempts = await store.getAttempts(id)
    expect(attempts.filter((attempt) => attempt.reason === 'delivered')).toHaveLength(1)
  }
  return messages
}

/** An app's key in {@link handledCounts}: apps on two chains may share an address. */
export const appKey = (chain: EvmChain, app: Address): string => `${chain.domain}:${app}`

/** Every TestRecipient's `handled` on `chains`, by {@link appKey}. */
export async function handledCounts(chains: readonly EvmChain[]): Promise<Map<string, bigint>> {
  const counts = new Map<string, bigint>()
  for (const chain of chains)
    for (const app of chain.apps)
      counts.set(appKey(chain, app), await readApp(chain, app, 'handled'))
  return counts
}
