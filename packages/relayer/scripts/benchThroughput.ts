// Throughput and latency of the relayer EVM → EVM: two `hardhat node`s mining a block every
// `BLOCK_TIME_MS` (automine off), three validators per origin (two sign), one relayer, all in
// this process over JSON-RPC. Messages are sent across ten channels as fast as the node takes
// them; latency is from the wall-clock moment the block holding the send appeared to the moment
// the block holding its delivery appeared (each chain's blocks are watched every 20 ms).
import { testRecipientAbi } from '@ferry/evm-contracts'
import { encodeFunctionData, type Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { openStore } from '../src/store/openStore.ts'
import { startRelayer, startValidators, TEST_POLICY, waitFor } from '../test/world/agents.ts'
import { evmAdapter } from '../test/world/evmAdapters.ts'
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
  blockTimeMs,
  confirmations,
}: {
  messages: number
  blockTimeMs: number
  confirmations: number
}): Promise<ThroughputResult> {
  const world = await startEvmWorld({ intervalMs: blockTimeMs, automine: false })
  const [a, b] = world.chains as [EvmChain, EvmChain]
  const store = await openStore('memory://')
  const validatorStore = await openStore('memory://')
  const watching = new AbortController()
  try {
    const validators = await startValidators(
      validatorStore,
      [{ chain: evmAdapter(a, validatorStore), keys: validatorKeys(a.domain), confirmations }],
      50,
    )
    const relayer = startRelayer({
      store,
      chains: [a, b].map((chain) => ({
        adapter: evmAdapter(chain, store, RELAYER_KEYS[0]),
        confirmations,
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

    // Ten sender → recipient pairs: ten channels. The sends are signed here and handed to the
    // node together, so the node, not this script, sets the sending pace.
    const account = privateKeyToAccount(DEPLOYER_KEY)
    const nonce = await a.client.getTransactionCount({
      address: account.address,
      blockTag: 'pending',
    })
    const { baseFeePerGas } = await a.client.getBlock()
    const signed = await Promise.all(
      Array.from({ length: messages }, (_, i) => {
        const channel = i % 10
        return account.signTransaction({
          type: 'eip1559',
          chainId: a.domain,
          nonce: nonce + i,
          to: a.apps[channel % 3],
          data: encodeFunctionData({
            abi: testRecipientAbi,
            functionName: 'sendVia',
            args: [
              a.endpoint,
              b.domain,
              toB32(b.apps[Math.floor(channel / 3) % 3] ?? b.apps[0]),
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
            .map((serializedTransaction) => a.client.sendRawTransaction({ serializedTransaction })),
        )),
      )
    const sendBlock = new Map<string, bigint>()
    for (const hash of hashes) {
      const receipt = await a.client.waitForTransactionReceipt({ hash, pollingInterval: 50 })
      sendBlock.set(hash, receipt.blockNumber)
    }
    await waitFor(
      'every message delivered',
      async () => {
        const c = await store.countByStage()
        if (process.env.BENCH_DEBUG) {
          console.error(JSON.stringify(c))
          const r = await store.getMessagesInStage('ready', 1)
          if (r[0])
            console.error(
              JSON.stringify(
                (await store.getAttempts(r[0].id)).map((x) => [
                  x.reason,
                  x.detail,
                  x.transactionHash,
                ]),
              ),
            )
        }
        return c.done >= messages
      },
      300_000,
    )
    await relayer.stop()
    await validators.stop()

    const done = await store.getMessagesInStage('done', messages + 10)
    if (process.env.BENCH_DEBUG) {
      const reasons = new Map<string, number>()
      for (const m of done)
        for (const a of await store.getAttempts(m.id))
          reasons.set(
            `${a.reason}: ${a.detail ?? ''}`.slice(0, 200),
            (reasons.get(`${a.reason}: ${a.detail ?? ''}`.slice(0, 200)) ?? 0) + 1,
          )
      console.error(reasons)
    }
    const deliveryBlocks = new Map<string, bigint>()
    for (const hash of new Set(done.map((m) => m.transactionHash ?? ''))) {
      const receipt = await b.client.getTransactionReceipt({ hash: hash as Hex }) // CAST: a recorded tx hash
      deliveryBlocks.set(hash, receipt.blockNumber)
    }
    if (process.env.BENCH_DEBUG) {
      const t0 = Math.min(...[...destinationBlocks.values()])
      for (const number of [...new Set(deliveryBlocks.values())].sort()) {
        const block = await b.client.getBlock({ blockNumber: number })
        console.error(
          'BLOCK',
          number,
          (destinationBlocks.get(number) ?? 0) - t0,
          block.transactions.length,
          block.gasUsed,
          block.gasLimit,
        )
      }
      const t1 = Math.min(...[...originBlocks.values()])
      for (const [n, t] of originBlocks) {
        const bl = await a.client.getBlock({ blockNumber: n })
        if (bl.transactions.length) console.error('SEND', n, t - t1, bl.transactions.length)
      }
    }
    const latencies: number[] = []
    const deliveredAt: number[] = []
    const sentAt: number[] = []
    for (const message of done) {
      const sent = originBlocks.get(sendBlock.get(message.originTransactionHash) ?? -1n)
      const delivered = destinationBlocks.get(
        deliveryBlocks.get(message.transactionHash ?? '') ?? -1n,
      )
      if (sent === undefined || delivered === undefined) continue
      latencies.push(delivered - sent)
      sentAt.push(sent)
      deliveredAt.push(delivered)
    }
    latencies.sort((x, y) => x - y)
    const seconds = (Math.max(...deliveredAt) - Math.min(...sentAt)) / 1000
    return {
      messages: done.length,
      messagesPerSecond: Math.round(done.length / seconds),
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      blockTimeMs,
      confirmations,
    }
  } finally {
    watching.abort()
    await store.close()
    await validatorStore.close()
    await world.stop()
  }
}
