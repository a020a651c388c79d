// `pnpm bench`: the relayer's throughput, latency and memory, printed and written to
// bench/relayer.json. Memory is measured in a child process of its own (scripts/benchPending.ts).
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { benchThroughput } from './benchThroughput.ts'

const BLOCK_TIME_MS = 1_000
const CONFIRMATIONS = 1
const MESSAGES = 2_000
const PENDING = 100_000

const throughput = await benchThroughput({
  messages: MESSAGES,
  blockTimeMs: BLOCK_TIME_MS,
  confirmations: CONFIRMATIONS,
})
console.log(
  `EVM → EVM: ${throughput.messages} messages, ${throughput.messagesPerSecond} msg/s sustained (first to last delivery; target ≥ 200), ` +
    `${throughput.endToEndMessagesPerSecond} msg/s end to end (first send to last delivery); ` +
    `latency at one message per block (send block → delivery block) p50 ${throughput.p50Ms} ms, p99 ${throughput.p99Ms} ms ` +
    `(block time ${BLOCK_TIME_MS} ms, ${CONFIRMATIONS} confirmation; target p50 ≤ ${(CONFIRMATIONS + 1) * BLOCK_TIME_MS} ms)`,
)

/** Peak RSS of a relayer process over `PENDING` pending messages in a `kind` store. */
const measureRss = (kind: 'pglite' | 'postgres') =>
  new Promise<number>((resolve, reject) => {
    const script = new URL('./benchPending.ts', import.meta.url).pathname
    const hook = new URL('./resolveTs.ts', import.meta.url).pathname
    const child = spawn(process.execPath, ['--import', hook, script, String(PENDING), kind], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (chunk) => {
      out += chunk
    })
    child.on('error', reject)
    child.on('exit', (code) => {
      const match = /peakRssMb=(\d+)/.exec(out)
      if (code !== 0 || !match) reject(new Error(`benchPending failed (${code}): ${out}`))
      else resolve(Number(match[1]))
    })
  })
const rssMb = await measureRss('pglite')
const rssMbPostgres = await measureRss('postgres')
console.log(
  `peak RSS of a relayer with ${PENDING.toLocaleString('en')} pending messages: ${rssMb} MB on the embedded PGlite store, ` +
    `${rssMbPostgres} MB on a PostgreSQL server (target ≤ 300 MB)`,
)

const result = {
  messagesPerSecond: throughput.messagesPerSecond,
  endToEndMessagesPerSecond: throughput.endToEndMessagesPerSecond,
  p50Ms: throughput.p50Ms,
  p99Ms: throughput.p99Ms,
  blockTimeMs: BLOCK_TIME_MS,
  confirmations: CONFIRMATIONS,
  rssMbWith100kPending: rssMb,
  rssMbWith100kPendingOnPostgres: rssMbPostgres,
}
writeFileSync(
  new URL('../bench/relayer.json', import.meta.url),
  `${JSON.stringify(result, null, 2)}\n`,
)
console.log(JSON.stringify(result))
