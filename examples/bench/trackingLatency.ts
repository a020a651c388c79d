// How soon `waitForMessage` hears that a message was delivered: starts a devnet in-process (as
// `pnpm devnet` does: 500 ms blocks), sends MESSAGES messages EVM → EVM one after the other with
// the SDK, and for each waits twice at once: over the relayer API's event stream (SSE), and with
// the polling fallback (a client without `apiUrl`, the default 2 s interval). Latency is from when
// the destination node first reported the block holding the message's `MessageDelivered` (its
// head polled every 20 ms: block timestamps are whole seconds) to when the wait resolved.
// `pnpm bench` here prints p50 and p99 and adds them to packages/sdk/bench/sdk.json, beside the
// SDK's bundle size; it lives here because the sdk cannot import the devnet. Figures only: the
// machine it runs on is shared, so nothing is asserted.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startDevnet } from '@ferry/devnet'
import { endpointAbi } from '@ferry/evm-contracts'
import { createFerryClient, devnetChains, send, waitForMessage } from '@ferry/sdk'
import { HARDHAT_KEYS } from '@ferry/testkit'
import { pino } from 'pino'
import { createPublicClient, type Hex, http, stringToHex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'

const MESSAGES = 20
/** How often the destination's head is read to time its blocks. */
const HEAD_POLL_MS = 20
/** waitForMessage's default polling interval, what a client without an API gets. */
const POLL_INTERVAL_MS = 2_000
const figuresFile = join(import.meta.dirname, '../../packages/sdk/bench/sdk.json')

const devnet = await startDevnet({
  logger: pino({ level: 'warn' }, pino.destination(2)),
  apiPort: 0,
  dir: mkdtempSync(join(tmpdir(), 'ferry-latency-')),
})
const stopHeads = new AbortController()
try {
  const { apiUrl, ...chains } = devnetChains(devnet.file, {
    account: privateKeyToAccount(HARDHAT_KEYS[3]),
  })
  const sse = createFerryClient({ ...chains, apiUrl })
  const polling = createFerryClient(chains)
  const [a, b] = ['evm-a', 'evm-b'].map((name) => {
    const chain = devnet.file.chains.find((c) => c.name === name)
    if (chain?.kind !== 'evm') throw new Error(`no EVM chain ${name}`)
    return chain
  })
  if (!a || !b) throw new Error('the devnet has two EVM chains')
  const destination = createPublicClient({ transport: http(b.rpcUrl) })

  // When each destination block was first seen.
  const seenAt = new Map<bigint, number>()
  const watchHeads = (async () => {
    while (!stopHeads.signal.aborted) {
      const head = await destination.getBlockNumber({ cacheTime: 0 })
      if (!seenAt.has(head)) seenAt.set(head, Date.now())
      await new Promise((resolve) => setTimeout(resolve, HEAD_POLL_MS))
    }
  })()

  /** When the block that delivered `id` was first seen (a missed block: its successor's time). */
  const deliveredAt = async (id: Hex): Promise<number> => {
    const [log] = await destination.getContractEvents({
      address: b.endpoint as Hex, // CAST: the devnet file checked it is a 0x address
      abi: endpointAbi,
      eventName: 'MessageDelivered',
      args: { id },
      fromBlock: 0n,
    })
    if (log?.blockNumber == null) throw new Error(`${id}: no MessageDelivered`)
    for (let block = log.blockNumber; ; block++) {
      const seen = seenAt.get(block)
      if (seen !== undefined) return seen
      if (block > log.blockNumber + 10n) throw new Error(`${id}: block ${log.blockNumber} unseen`)
    }
  }

  const latencies = { sse: [] as number[], polling: [] as number[] }
  for (let n = 0; n < MESSAGES; n++) {
    const { id } = await send(sse, {
      from: a.name,
      to: b.name,
      // CAST: an EVM chain's app address
      recipient: b.apps.testRecipient as Hex,
      body: stringToHex(`ok:latency ${n}`),
      gasLimit: 200_000,
    })
    const resolvedAt = async (client: typeof sse) => {
      await waitForMessage(client, { id, origin: a.name, until: 'delivered', timeoutMs: 120_000 })
      return Date.now()
    }
    const [viaSse, viaPolling] = await Promise.all([resolvedAt(sse), resolvedAt(polling)])
    const delivered = await deliveredAt(id)
    latencies.sse.push(viaSse - delivered)
    latencies.polling.push(viaPolling - delivered)
    console.log(
      `message ${n + 1}/${MESSAGES}: sse ${viaSse - delivered} ms, polling ${viaPolling - delivered} ms`,
    )
  }
  stopHeads.abort()
  await watchHeads

  const percentile = (values: number[], p: number) => {
    const sorted = [...values].sort((x, y) => x - y)
    // Nearest rank: of 20 samples, p99 is the largest.
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
  }
  const figures = {
    trackingLatencyP50MsSse: percentile(latencies.sse, 50),
    trackingLatencyP99MsSse: percentile(latencies.sse, 99),
    trackingLatencyP50MsPolling: percentile(latencies.polling, 50),
    trackingLatencyP99MsPolling: percentile(latencies.polling, 99),
    trackingLatencyMessages: MESSAGES,
    trackingLatencyPollIntervalMs: POLL_INTERVAL_MS,
  }
  console.log(
    `waitForMessage after delivery, over ${MESSAGES} messages: SSE p50 ${figures.trackingLatencyP50MsSse} ms, p99 ${figures.trackingLatencyP99MsSse} ms; polling (every ${POLL_INTERVAL_MS} ms) p50 ${figures.trackingLatencyP50MsPolling} ms, p99 ${figures.trackingLatencyP99MsPolling} ms`,
  )
  let existing: Record<string, unknown> = {}
  try {
    existing = JSON.parse(readFileSync(figuresFile, 'utf8'))
  } catch {
    // No figures yet: this bench writes the first.
  }
  writeFileSync(figuresFile, `${JSON.stringify({ ...existing, ...figures }, null, 2)}\n`)
} finally {
  stopHeads.abort()
  await devnet.stop()
}
