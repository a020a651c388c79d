// Throughput and latency of the relayer EVM → EVM: two `hardhat node`s mining a block every
// `blockTimeMs` (automine off), three validators of the origin (two sign) and one relayer, all in
// this process over JSON-RPC. Times are wall-clock moments each chain's blocks first appeared
// (polled every 20 ms), so a message's latency runs from the block holding its send to the block
// holding its delivery.
//   - Throughput: `messages` sends across ten channels handed to the node at once. Sustained:
//     messages per second from the first delivery block to the last (those in the first block
//     arrive at time zero), the rate the relayer keeps once the pipeline is full. End to end:
//     from the first send block to the last delivery block, which adds the time to finality
//     and the first delivery once (what the latency figures measure).
//   - Latency: then `latencySamples` messages one at a time, each sent once the one before is
//     delivered (a load the relayer keeps up with, so queueing behind the burst does not count):
//     p50 and p99. The two nodes mine on timers of the same period, so the moment a delivery
//     reaches the destination's next block depends on how far apart their blocks fall, a phase
//     that would otherwise stay fixed for the whole run; before each sample the destination's
//     timer is restarted at a random moment, so the samples spread over phases as between two
//     independent chains.
import { testRecipientAbi } from '@ferry/evm-contracts'
import { encodeFunctionData, type Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { openStore } from '../src/store/openStore.ts'
import type { RelayerStore } from '../src/store/types.ts'
import { useBaselineWasmCompiler } from '../src/store/useBaselineWasmCompiler.ts'
import { startRelayer, startValidators, TEST_POLICY, waitFor } from '../test/world/agents.ts'
import { evmAdapter, evmReader } from '../test/world/evmAdapters.ts'
import {
  DEPLOYER_KEY,
  type EvmChain,
  RELAYER_KEYS,
  startEvmWorld,
  THRESHOLD,
  toB32,
  validatorKeys,
} from '../test/world/evmWorld.ts'

export type ThroughputResult = {
  messages: number
  messagesPerSecond: number
  endToEndMessagesPerSecond: number
  p50Ms: number
  p99Ms: number
  blockTimeMs: number
  confirmations: number
}

/** Wall-clock time each new block was first seen, polling `eth_blockNumber`. */
function watchBlocks(chain: EvmChain, signal: AbortSignal): Map<bigint, number> {
  const seen = new Map<bigint, number>()
  void (async () => {
    while (!signal.aborted) {
      const number = await chain.client.getBlockNumber({ cacheTime: 0 }).catch(() => undefined)
      if (number !== undefined && !seen.has(number)) seen.set(number, Date.now())
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  })()
  return seen
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN

export async function benchThroughput({
  messages,
  latencySamples = 30,
  blockTimeMs,
  confirmations,
}: {
  messages: number
  latencySamples?: number
  blockTimeMs: number
  confirmations: number
}): Promise<ThroughputResult> {
  // As the `ferry` CLI does first thing: the stores below run as in a relayer's process.
  useBaselineWasmCompiler()
  // Four recipients on the destination: three senders × four recipients give ten distinct channels.
  const world = await startEvmWorld({ intervalMs: blockTimeMs, automine: false, recipients: 4 })
  const [a, b] = world.chains as [EvmChain, EvmChain]
  const store = await openStore('memory://')
  const validatorStore = await openStore('memory://')
  const watching = new AbortController()
  try {
    const validators = await startValidators(
      validatorStore,
      [{ chain: evmReader(a), keys: validatorKeys(a.domain), finality: { confirmations } }],
      50,
    )
    const relayer = startRelayer({
      store,
      chains: [a, b].map((chain) => ({
        adapter: evmAdapter(chain, store, RELAYER_KEYS[0]),
        finality: { confirmations },
        pollIntervalMs: 50,
      })),
      validators: new Map([
        [a.domain, { urls: validators.urls.get(a.domain) ?? [], threshold: THRESHOLD }],
      ]),
      routes: [[a.domain, b.domain]],
      policy: { ...TEST_POLICY, batchSize: 200, maxInFlight: 8 },
    })
    const originBlocks = watchBlocks(a, watching.signal)
    const destinationBlocks = watchBlocks(b, watching.signal)

    // Sends are signed here and handed to the node directly, so the node sets the pace.
    const account = privateKeyToAccount(DEPLOYER_KEY)
    let nonce = await a.client.getTransactionCount({
      address: account.address,
      blockTag: 'pending',
    })
    const { baseFeePerGas } = await a.client.getBlock()
    const pairs = new Set(
      Array.from({ length: 10 }, (_, c) => `${a.apps[c % 3]}→${b.recipients[Math.floor(c / 3)]}`),
    )
    if (pairs.size !== 10) throw new Error(`the bench's ten channels are ${pairs.size} app pairs`)
    const send = async (count: number): Promise<Hex[]> => {
      const signed = await Promise.all(
        Array.from({ length: count }, (_, i) => {
          const channel = i % 10
          return account.signTransaction({
            type: 'eip1559',
            chainId: a.domain,
            nonce: nonce++,
            to: a.apps[channel % 3],
            data: encodeFunctionData({
              abi: testRecipientAbi,
              functionName: 'sendVia',
              args: [
                a.endpoint,
                b.domain,
                // Sender channel % 3, recipient channel / 3: channels 0–9 are ten app pairs.
                toB32(b.recipients[Math.floor(channel / 3)] ?? b.apps[0]),
                '0x',
                100_000,
                0,
                0n,
              ],
            }),
            value: 10n ** 16n,
            gas: 200_000n,
            maxFeePerGas: (baseFeePerGas ?? 0n) * 4n + 10n ** 9n,
            maxPriorityFeePerGas: 10n ** 9n,
          })
        }),
      )
      const hashes: Hex[] = []
      for (let i = 0; i < signed.length; i += 100)
        hashes.push(
          ...(await Promise.all(
            signed
              .slice(i, i + 100)
              .map((serializedTransaction) =>
                a.client.sendRawTransaction({ serializedTransaction }),
              ),
          )),
        )
      return hashes
    }
    /**
     * Sends `count` messages at once and, once all are delivered,
     * gives the send and delivery block of each. Waits on a count, not on the rows: loading
     * thousands of rows every poll would take from the relayer the CPU being measured.
     */
    const sendAndTrace = async (count: number) => {
      const doneBefore = (await store.countByStage()).done
      const hashes = await send(count)
      await waitFor(
        'every message delivered',
        async () => (await store.countByStage()).done >= doneBefore + hashes.length,
        600_000,
      )
      // Read once all is delivered: polling receipts meanwhile would load the origin's node.
      const sendBlocks = new Map<string, bigint>()
      for (const hash of hashes)
        sendBlocks.set(hash, (await a.client.getTransactionReceipt({ hash })).blockNumber)
      const sent = new Set<string>(hashes)
      const ours = (await store.getMessagesInStage('done', 100_000)).filter((m) =>
        sent.has(m.originTransactionHash),
      )
      const deliveryBlocks = new Map<string, bigint>()
      const result: { sent: number; delivered: number }[] = []
      for (const message of ours) {
        const hash = message.transactionHash ?? ''
        if (!deliveryBlocks.has(hash))
          deliveryBlocks.set(
            hash,
            (await b.client.getTransactionReceipt({ hash: hash as Hex })).blockNumber,
          ) // CAST: a recorded tx hash
        const sentAt = originBlocks.get(sendBlocks.get(message.originTransactionHash) ?? -1n)
        const deliveredAt = destinationBlocks.get(deliveryBlocks.get(hash) ?? -1n)
        if (sentAt !== undefined && deliveredAt !== undefined)
          result.push({ sent: sentAt, delivered: deliveredAt })
      }
      return result
    }

    const burst = await sendAndTrace(messages)
    const firstDelivery = Math.min(...burst.map((s) => s.delivered))
    const lastDelivery = Math.max(...burst.map((s) => s.delivered))
    const inFirstBlock = burst.filter((s) => s.delivered === firstDelivery).length
    // All in one block (not possible at these sizes, but not divided by zero either): one block time.
    const deliverySeconds = Math.max(lastDelivery - firstDelivery, blockTimeMs) / 1000
    const endToEndSeconds = (lastDelivery - Math.min(...burst.map((s) => s.sent))) / 1000

    const latencies: number[] = []
    for (let i = 0; i < latencySamples; i++) {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * blockTimeMs))
      await b.client.request({ method: 'evm_setIntervalMining', params: [blockTimeMs] } as never) // CAST: a Hardhat method viem's public client does not type
      latencies.push(...(await sendAndTrace(1)).map((s) => s.delivered - s.sent))
    }
    latencies.sort((x, y) => x - y)
    await relayer.stop()
    await validators.stop()
    return {
      messages: burst.length,
      messagesPerSecond: Math.round((burst.length - inFirstBlock) / deliverySeconds),
      endToEndMessagesPerSecond: Math.round(burst.length / endToEndSeconds),
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      blockTimeMs,
      confirmations,
    }
  } finally {
    watching.abort()
    await closeAll([store, validatorStore])
    await world.stop()
  }
}

async function closeAll(stores: readonly RelayerStore[]): Promise<void> {
  for (const store of stores) await store.close()
}
