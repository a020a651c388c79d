// Peak RSS of a relayer whose store holds `count` final, undelivered messages (issue 5: ≤ 300 MB
// with 100,000). The messages (A → B, a hundred channels) are valid encodings but were never
// sent, so no validator can sign them: the relayer claims, checks nonces, loads its tree and
// waits, pass after pass, for 20 s while this process samples its RSS. Prints `peakRssMb=N`.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { encodeMessage, getChannelKey, getMessageId, type Message } from '@ferry/sdk/codec'
import { keccak256, numberToHex } from 'viem'
import { openStore } from '../src/store/openStore.ts'
import type { NewMessage } from '../src/store/types.ts'
import { startRelayer, TEST_POLICY } from '../test/world/agents.ts'
import { evmAdapter } from '../test/world/evmAdapters.ts'
import { type EvmChain, RELAYER_KEYS, startEvmWorld } from '../test/world/evmWorld.ts'

const count = Number(process.argv[2] ?? 100_000)
const dir = mkdtempSync(join(tmpdir(), 'ferry-bench-'))
const world = await startEvmWorld({ intervalMs: 1_000 })
const [a, b] = world.chains as [EvmChain, EvmChain]
const store = await openStore(`file:${join(dir, 'store')}`)
try {
  const batch: NewMessage[] = []
  for (let i = 0; i < count; i++) {
    const message: Message = {
      version: 1,
      flags: 0,
      origin: a.domain,
      sender: keccak256(numberToHex(i % 100)),
      destination: b.domain,
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
      origin: a.domain,
      destination: b.domain,
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
  await store.finalizeMessages(a.domain, 1n, new Date())
  let peak = process.memoryUsage().rss
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 100)
  const relayer = startRelayer({
    store,
    chains: [a, b].map((chain) => ({
      adapter: evmAdapter(chain, store, RELAYER_KEYS[0]),
      confirmations: 1,
      pollIntervalMs: 200,
    })),
    // Nobody listens there: every batch waits for signatures.
    validators: new Map([[a.domain, { urls: ['http://127.0.0.1:9'], threshold: 1 }]]),
    routes: [[a.domain, b.domain]],
    policy: { ...TEST_POLICY, batchSize: 200 },
  })
  await new Promise((resolve) => setTimeout(resolve, 20_000))
  await relayer.stop()
  clearInterval(sampler)
  const stages = await store.countByStage()
  console.error(`pending in store: ${stages.ready} ready`)
  console.log(`peakRssMb=${Math.round(peak / 2 ** 20)}`)
} finally {
  await store.close()
  await world.stop()
  rmSync(dir, { recursive: true, force: true })
}
