import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type RpcFaultProxy, startRpcFaultProxy } from './startRpcFaultProxy.js'

/** A JSON-RPC server that answers every call with `{ result: <method> }`. */
async function startEchoNode(): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString()
    })
    request.on('end', () => {
      const parsed: unknown = JSON.parse(body)
      // CAST: this test only sends well-formed JSON-RPC objects.
      const calls = (Array.isArray(parsed) ? parsed : [parsed]) as { id: number; method: string }[]
      const answers = calls.map(({ id, method }) => ({ jsonrpc: '2.0', id, result: method }))
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify(Array.isArray(parsed) ? answers : answers[0]))
    })
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return { url: `http://127.0.0.1:${address.port}`, server }
}

function call(url: string, method: string, timeoutMs = 2_000): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: [] }),
    signal: AbortSignal.timeout(timeoutMs),
  })
}

let node: { url: string; server: Server }
let proxy: RpcFaultProxy

beforeAll(async () => {
  node = await startEchoNode()
  proxy = await startRpcFaultProxy({ target: node.url })
})
afterAll(async () => {
  await proxy.close()
  node.server.close()
})
afterEach(() => {
  proxy.setMode('pass')
  proxy.setHook(undefined)
  proxy.setRewrite(undefined)
})

describe('startRpcFaultProxy', () => {
  it('forwards rewritten requests, single and batched, keeping their ids', async () => {
    proxy.setRewrite(({ method, params }) =>
      method === 'eth_getBlockByNumber'
        ? { method: 'eth_blockNumber', params: [] }
        : { method, params },
    )
    const single = await call(proxy.url, 'eth_getBlockByNumber')
    expect(await single.json()).toEqual({ jsonrpc: '2.0', id: 1, result: 'eth_blockNumber' })
    const batch = await fetch(proxy.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { jsonrpc: '2.0', id: 7, method: 'eth_getBlockByNumber', params: ['finalized', false] },
        { jsonrpc: '2.0', id: 8, method: 'eth_chainId', params: [] },
      ]),
    })
    expect(await batch.json()).toEqual([
      { jsonrpc: '2.0', id: 7, result: 'eth_blockNumber' },
      { jsonrpc: '2.0', id: 8, result: 'eth_chainId' },
    ])
  })

  it('forwards in pass mode and counts requests by method', async () => {
    const before = proxy.requests.get('eth_chainId') ?? 0
    const response = await call(proxy.url, 'eth_chainId')
    expect(await response.json()).toEqual({ jsonrpc: '2.0', id: 1, result: 'eth_chainId' })
    expect(proxy.requests.get('eth_chainId')).toBe(before + 1)
  })

  it('fails with HTTP 500 or with a JSON-RPC error', async () => {
    proxy.setMode('fail')
    expect((await call(proxy.url, 'eth_blockNumber')).status).toBe(500)
    proxy.setMode({ mode: 'fail', failWith: 'rpc' })
    const response = await call(proxy.url, 'eth_blockNumber')
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ id: 1, error: { code: -32603 } })
  })

  it('stalls: the request never answers', async () => {
    proxy.setMode('stall')
    await expect(call(proxy.url, 'eth_blockNumber', 300)).rejects.toThrow(/abort|timeout/i)
    expect(proxy.faulted.get('eth_blockNumber')).toBeGreaterThan(0)
  })

  it('drops: the connection closes without an answer', async () => {
    proxy.setMode('drop')
    await expect(call(proxy.url, 'eth_blockNumber')).rejects.toThrow(/fetch failed/)
  })

  it('limits a fault to some methods and to the next N requests', async () => {
    proxy.setMode({ mode: 'fail', methods: ['eth_sendRawTransaction'], count: 2 })
    expect((await call(proxy.url, 'eth_blockNumber')).status).toBe(200)
    expect((await call(proxy.url, 'eth_sendRawTransaction')).status).toBe(500)
    expect((await call(proxy.url, 'eth_sendRawTransaction')).status).toBe(500)
    expect((await call(proxy.url, 'eth_sendRawTransaction')).status).toBe(200)
  })

  it('runs the hook before forwarding', async () => {
    const seen: string[] = []
    proxy.setHook(async ({ method }) => {
      seen.push(method)
    })
    await call(proxy.url, 'eth_getBalance')
    expect(seen).toEqual(['eth_getBalance'])
  })

  it('closes while a request is stalled', async () => {
    const own = await startRpcFaultProxy({ target: node.url })
    own.setMode('stall')
    const stalled = call(own.url, 'eth_blockNumber', 5_000).catch((error: unknown) => error)
    await new Promise((resolve) => setTimeout(resolve, 50))
    await own.close()
    expect(await stalled).toBeInstanceOf(Error)
  })
})
