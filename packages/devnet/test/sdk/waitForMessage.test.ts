// waitForMessage and watchMessage over the devnet (real chains, validators and relayer,
// in-process): each route resolves with the handler's result, and a watch whose event stream is
// cut once resumes with Last-Event-ID and yields the same stages as an uncut one.

import { mkdtempSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  bech32ToBytes32,
  createFerryClient,
  evmAddressToBytes32,
  getAck,
  type MessageState,
  waitForMessage,
  watchMessage,
} from '@ferry/sdk'
import { pino } from 'pino'
import type { Hex } from 'viem'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { type Devnet, startDevnet } from '../../src/startDevnet.js'
import {
  evmChain,
  ferryChains,
  sendFromEvm,
  sendFromWasm,
  testRecipient,
  validatorsOf,
  wasmChain,
} from './sdkWorld.js'

let devnet: Devnet
beforeAll(async () => {
  devnet = await startDevnet({
    logger: pino({ level: 'silent' }),
    apiPort: 0,
    dir: mkdtempSync(join(tmpdir(), 'ferry-sdk-wait-')),
    blockTimeMs: 300,
  })
})
afterAll(async () => {
  await devnet?.stop()
})

const client = () =>
  createFerryClient({
    chains: ferryChains(devnet),
    apiUrl: devnet.file.apiUrl,
    validators: validatorsOf(devnet),
  })

test('waitForMessage resolves EVM → EVM, EVM → CosmWasm and CosmWasm → EVM with the result', async () => {
  const [a, b, wasm] = [evmChain(devnet, 'evm-a'), evmChain(devnet, 'evm-b'), wasmChain(devnet)]
  // One after the other: both come from one account, and the node takes a nonce only once the
  // one before it is in.
  const ids = [
    await sendFromEvm(a, {
      destination: b.domain,
      // CAST: EVM test recipients are addresses
      recipient: evmAddressToBytes32(testRecipient(b) as Hex),
      body: 'ok:to evm-b',
    }),
    await sendFromEvm(a, {
      destination: wasm.domain,
      recipient: bech32ToBytes32(testRecipient(wasm)),
      body: 'ok:to wasm',
    }),
  ]
  ids.push(
    await sendFromWasm(wasm, {
      destination: a.domain,
      // CAST: EVM test recipients are addresses
      recipient: evmAddressToBytes32(testRecipient(a) as Hex),
      body: 'ok:to evm-a',
    }),
  )
  const states = await Promise.all(
    ids.map((id) => waitForMessage(client(), { id, until: 'final', timeoutMs: 90_000 })),
  )
  expect(
    states.map((s) => [s.type, 'origin' in s && s.origin, 'origin' in s && s.destination]),
  ).toEqual([
    ['executed', a.domain, b.domain],
    ['executed', a.domain, wasm.domain],
    ['executed', wasm.domain, a.domain],
  ])
  for (const state of states)
    if (state.type === 'executed') expect(state.result).toMatch(/^0x[0-9a-f]*$/)
})

test('watchMessage yields every stage once, in order, and resumes a cut stream without losing one', async () => {
  const { proxy, url, resumedWith } = await cuttingProxy(devnet.file.apiUrl)
  try {
    const [a, b] = [evmChain(devnet, 'evm-a'), evmChain(devnet, 'evm-b')]
    const id = await sendFromEvm(a, {
      destination: b.domain,
      // CAST: EVM test recipients are addresses
      recipient: evmAddressToBytes32(testRecipient(b) as Hex),
      body: 'ok:watched',
    })
    const collect = async (apiUrl: string) => {
      const watcher = createFerryClient({ chains: ferryChains(devnet), apiUrl })
      const states: MessageState[] = []
      for await (const state of watchMessage(watcher, { id, signal: AbortSignal.timeout(90_000) }))
        states.push(state)
      return states.map((s) => (s.type === 'in_flight' ? `in_flight:${s.reason}` : s.type))
    }
    const [direct, cut] = await Promise.all([collect(devnet.file.apiUrl), collect(url)])
    expect(direct.at(-1)).toBe('executed')
    expect(direct.length).toBeGreaterThan(2)
    expect(new Set(direct).size).toBe(direct.length)
    expect(cut).toEqual(direct)
    // Resumed after the event it had read, not from the start.
    expect(resumedWith).toHaveLength(1)
    expect(Number(resumedWith[0])).toBeGreaterThan(0)
  } finally {
    proxy.close()
  }
})

/**
 * A proxy to the API that cuts the first event stream shortly after its first event, and records
 * the `Last-Event-ID` every later stream asked for.
 */
async function cuttingProxy(
  apiUrl: string,
): Promise<{ proxy: Server; url: string; resumedWith: string[] }> {
  let cut = false
  const resumedWith: string[] = []
  const proxy = createServer(async (req, res) => {
    const lastEventId = req.headers['last-event-id']
    const isStream = req.url?.startsWith('/v1/events') ?? false
    if (isStream && cut && typeof lastEventId === 'string') resumedWith.push(lastEventId)
    const control = new AbortController()
    res.on('close', () => control.abort())
    try {
      const upstream = await fetch(`${apiUrl}${req.url}`, {
        headers: typeof lastEventId === 'string' ? { 'last-event-id': lastEventId } : {},
        signal: control.signal,
      })
      res.writeHead(upstream.status, Object.fromEntries(upstream.headers))
      if (!upstream.body) return res.end()
      const cutThis = isStream && !cut
      for await (const chunk of upstream.body) {
        res.write(chunk)
        if (cutThis && Buffer.from(chunk).toString().includes('data:')) {
          cut = true
          // Long enough for the client to read the event, so that it resumes after it.
          await new Promise((resolve) => setTimeout(resolve, 200))
          res.destroy()
          return
        }
      }
      res.end()
    } catch {
      res.destroy()
    }
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  const { port } = proxy.address() as AddressInfo // CAST: a TCP server's address
  return { proxy, url: `http://127.0.0.1:${port}`, resumedWith }
}

test('waitForMessage until acked returns the ack’s state; getAck finds it with and without the API', async () => {
  const [a, wasm] = [evmChain(devnet, 'evm-a'), wasmChain(devnet)]
  const id = await sendFromWasm(wasm, {
    destination: a.domain,
    // CAST: EVM test recipients are addresses
    recipient: evmAddressToBytes32(testRecipient(a) as Hex),
    body: 'ok:acked',
    ackGasLimit: 300_000,
  })
  const acked = await waitForMessage(client(), { id, until: 'acked', timeoutMs: 90_000 })
  expect(acked).toMatchObject({ type: 'executed', origin: a.domain, destination: wasm.domain })
  const chainsOnly = createFerryClient({ chains: ferryChains(devnet) })
  for (const reader of [client(), chainsOnly]) {
    const ack = await getAck(reader, { id })
    expect(ack).toMatchObject({ type: 'sent', originalId: id, status: 1 })
    if (ack.type === 'sent') expect(ack.state.type).toBe('executed')
  }
})
