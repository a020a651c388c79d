// Peak RSS of a relayer whose store holds `count` final, undelivered messages (target ≤ 300 MB
// with 100,000). The messages (A → B, a hundred channels) are valid encodings but were never
// sent, so no validator can sign them: the relayer claims, checks nonces, loads its tree and
// waits, pass after pass, for 20 s while this process samples its RSS. Prints `peakRssMb=N`.
// `fill <dir> <count>` writes the store in a process of its own first, so that the measured
// process is a relayer (re)started on an existing store, as in production, and not one that
// also created the database (PGlite's initdb alone adds about 230 MB that a restart never pays).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { encodeMessage, getChannelKey, getMessageId, type Message } from '@ferry/protocol'
import { startPostgres } from '@ferry/testkit'
import { keccak256, numberToHex } from 'viem'
import { openStore } from '../src/store/openStore.ts'
import type { NewMessage } from '../src/store/types.ts'
import { useBaselineWasmCompiler } from '../src/store/useBaselineWasmCompiler.ts'
import { startRelayer, TEST_POLICY } from '../test/world/agents.ts'
import { evmAdapter } from '../test/world/evmAdapters.ts'
import { type EvmChain, RELAYER_KEYS, startEvmWorld } from '../test/world/evmWorld.ts'

const ORIGIN = 31337
const DESTINATION = 31338

const [mode, ...args] = process.argv.slice(2)
if (mode === 'fill') await fill(args[0] ?? '', Number(args[1]))
else await run(Number(mode ?? 100_000), args[0] === 'postgres' ? 'postgres' : 'pglite')

/** Writes `count` final messages ORIGIN → DESTINATION (a hundred channels) into the store at `url`. */
async function fill(url: string, count: number): Promise<void> {
  const store = await openStore(url)
  const batch: NewMessage[] = []
  for (let i = 0; i < count; i++) {
    const message: Message = {
      version: 1,
      flags: 0,
      origin: ORIGIN,
      sender: keccak256(numberToHex(i % 100)),
      destination: DESTINATION,
      recipient: keccak256(numberToHex(1_000 + (i % 100))),
      nonce: BigInt(Math.floor(i / 100) + 1),
      deadline: 0n,
      gasLimit: 100_000,
      ackGasLimit: 0,
      body: '0x',
    }
    const encoded = encodeMessage(message)
    batch.push({
      id: getMessageId(encoded),
      origin: ORIGIN,
      destination: DESTINATION,
      channel: getChannelKey(message),
      nonce: message.nonce,
      leafIndex: i,
      sender: message.sender,
      recipient: message.recipient,
      flags: 0,
      deadline: 0n,
      gasLimit: message.gasLimit,
      ackGasLimit: 0,
      encoded,
      feePaid: 0n,
      originBlockNumber: 1n,
      originBlockHash: '0x00',
      originTransactionHash: '0x00',
      sentAt: new Date(),
    })
    if (batch.length === 1_000) await store.insertMessages(batch.splice(0))
  }
  await store.finalizeMessages(ORIGIN, 1n, new Date())
  await store.close()
}

/** This process's peak resident set in bytes, as Linux records it (0 elsewhere). */
function highWaterMark(): number {
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]
    return kb === undefined ? 0 : Number(kb) * 1024
  } catch {
    return 0
  }
}

/**
 * Fills a store (embedded PGlite, or a PostgreSQL server of its own) in a child process, then
 * runs a relayer on it for 20 s, sampling this process's RSS (a PostgreSQL server's memory is
 * its own process's, not the relayer's).
 */
async function run(count: number, kind: 'pglite' | 'postgres'): Promise<void> {
  // As the `ferry` CLI does first thing: the measured process is configured like a relayer's.
  useBaselineWasmCompiler()
  const dir = mkdtempSync(join(tmpdir(), 'ferry-bench-'))
  // Everything started is stopped in `finally`, in reverse, so a failed run leaves nothing behind.
  const started: (() => Promise<void> | void)[] = [
    () => rmSync(dir, { recursive: true, force: true }),
  ]
  try {
    const server = kind === 'postgres' ? await startPostgres() : undefined
    if (server) started.push(() => server.stop())
    const url = server?.url ?? `file:${join(dir, 'store')}`
    const script = new URL(import.meta.url).pathname
    const filled = spawnSync(
      process.execPath,
      [...process.execArgv, script, 'fill', url, String(count)],
      {
        stdio: 'inherit',
      },
    )
    if (filled.status !== 0) throw new Error(`filling the store failed (${filled.status})`)
    const world = await startEvmWorld({ intervalMs: 1_000 })
    started.push(() => world.stop())
    const [a, b] = world.chains as [EvmChain, EvmChain]
    let peak = process.memoryUsage().rss
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss)
    }, 100)
    started.push(() => clearInterval(sampler))
    const store = await openStore(url)
    started.push(() => store.close())
    const relayer = startRelayer({
      store,
      chains: [a, b].map((chain) => ({
        adapter: evmAdapter(chain, store, RELAYER_KEYS[0]),
        finality: { confirmations: 1 },
        pollIntervalMs: 200,
      })),
      // Nobody listens there: every batch waits for signatures.
      validators: new Map([[a.domain, { urls: ['http://127.0.0.1:9'], threshold: 1 }]]),
      routes: [[a.domain, b.domain]],
      policy: { ...TEST_POLICY, batchSize: 200 },
    })
    await new Promise((resolve) => setTimeout(resolve, 20_000))
    await relayer.stop()
    const stages = await store.countByStage()
    console.error(`pending in store: ${stages.ready} ready`)
    // The kernel's high-water mark also catches what rises and falls between two samples.
    console.log(`peakRssMb=${Math.round(Math.max(peak, highWaterMark()) / 2 ** 20)}`)
  } finally {
    for (const stop of started.reverse()) await stop()
  }
}
