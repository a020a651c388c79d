import { once } from 'node:events'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'

/**
 * What the proxy does with a request: forward it (`pass`), answer with an error (`fail`),
 * never answer (`stall`), or close the connection without answering (`drop`).
 */
export type RpcFaultMode = 'pass' | 'fail' | 'stall' | 'drop'

/** A mode, optionally limited to some methods or to the next `count` matching requests. */
export type RpcFaultRule = {
  mode: RpcFaultMode
  /** Only requests for these JSON-RPC methods are affected; others pass. Default: all. */
  methods?: readonly string[]
  /** Only the next `count` matching requests are affected; then the proxy passes again. */
  count?: number
  /** How `fail` fails: an HTTP 500 (default) or a JSON-RPC error answer (HTTP 200, -32603). */
  failWith?: 'http' | 'rpc'
}

/** One JSON-RPC request as the proxy saw it. */
export type RpcFaultRequest = { method: string; params: unknown }

/**
 * Runs before a request that will be forwarded; the request waits for it. Tests use it to make
 * something happen on the node between the client's decision and the request's arrival.
 */
export type RpcFaultHook = (request: RpcFaultRequest) => void | Promise<void>

/**
 * Rewrites a request before it is forwarded: what the node is asked instead. Tests use it to make
 * the node answer as another would, e.g. `eth_getBlockByNumber("finalized")` asked as a lower
 * block number, for a node (Hardhat's) whose finalized block is always its latest.
 */
export type RpcRewrite = (request: RpcFaultRequest) => RpcFaultRequest

export type RpcFaultProxy = {
  /** `http://127.0.0.1:<port>`, to hand to the client under test. */
  url: string
  /** Switches the behaviour for the requests that arrive from now on. */
  setMode(mode: RpcFaultMode | RpcFaultRule): void
  /** Sets (or clears) the hook run before forwarding. */
  setHook(hook: RpcFaultHook | undefined): void
  /** Sets (or clears) the rewrite of forwarded requests. */
  setRewrite(rewrite: RpcRewrite | undefined): void
  /** Requests received, by method (a JSON-RPC batch counts each of its calls). */
  readonly requests: ReadonlyMap<string, number>
  /** Requests that a fault (not `pass`) was applied to, by method. */
  readonly faulted: ReadonlyMap<string, number>
  /** Stops listening, drops every open connection (stalled ones too), and waits for the close. */
  close(): Promise<void>
}

export type StartRpcFaultProxyParameters = {
  /** The JSON-RPC URL requests are forwarded to. */
  target: string
}

/**
 * Starts a JSON-RPC proxy on 127.0.0.1 in front of `target` whose behaviour a test switches
 * at run time, to reproduce the ways an RPC provider fails: 500s, JSON-RPC errors, requests
 * that never return, connections reset mid-request.
 *
 * @example
 * const proxy = await startRpcFaultProxy({ target: node.rpcUrl })
 * proxy.setMode({ mode: 'stall', methods: ['eth_sendRawTransaction'], count: 1 })
 * // ... point a client at proxy.url
 * await proxy.close()
 */
export async function startRpcFaultProxy({
  target,
}: StartRpcFaultProxyParameters): Promise<RpcFaultProxy> {
  let rule: RpcFaultRule = { mode: 'pass' }
  let remaining: number | undefined
  let hook: RpcFaultHook | undefined
  let rewrite: RpcRewrite | undefined
  const requests = new Map<string, number>()
  const faulted = new Map<string, number>()
  const sockets = new Set<Socket>()

  /** The fault to apply to a request for `methods`, consuming one of `count` if it matches. */
  function faultFor(methods: readonly string[]): RpcFaultRule | undefined {
    if (rule.mode === 'pass') return undefined
    const limited = rule.methods
    if (limited && !methods.some((method) => limited.includes(method))) return undefined
    if (remaining !== undefined) {
      if (remaining <= 0) return undefined
      remaining--
    }
    return rule
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request)
    const calls = parseCalls(body)
    for (const { method } of calls) requests.set(method, (requests.get(method) ?? 0) + 1)
    const fault = faultFor(calls.map((call) => call.method))
    if (fault) {
      for (const { method } of calls) faulted.set(method, (faulted.get(method) ?? 0) + 1)
      switch (fault.mode) {
        case 'stall':
          return // the socket stays open until the client gives up or the proxy closes
        case 'drop':
          request.socket.destroy()
          return
        case 'fail':
          if (fault.failWith === 'rpc') {
            const error = { code: -32603, message: 'rpcFaultProxy: injected failure' }
            const answers = calls.map(({ id }) => ({ jsonrpc: '2.0', id, error }))
            const single = calls.length === 1 && !body.trimStart().startsWith('[')
            send(response, 200, JSON.stringify(single ? answers[0] : answers))
          } else {
            send(response, 500, 'rpcFaultProxy: injected failure', 'text/plain')
          }
          return
        case 'pass':
          break
      }
    }
    for (const call of calls) await hook?.({ method: call.method, params: call.params })
    const upstream = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: rewrite ? rewriteBody(body, calls, rewrite) : body,
    })
    send(response, upstream.status, await upstream.text())
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent && !response.destroyed)
        send(response, 502, String(error), 'text/plain')
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('proxy has no port')

  return {
    url: `http://127.0.0.1:${address.port}`,
    setMode(mode) {
      rule = typeof mode === 'string' ? { mode } : mode
      remaining = rule.count
    },
    setHook(next) {
      hook = next
    },
    setRewrite(next) {
      rewrite = next
    },
    requests,
    faulted,
    async close() {
      const closed = once(server, 'close')
      server.close()
      for (const socket of sockets) socket.destroy()
      await closed
    },
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(Buffer.from(chunk))
  return Buffer.concat(chunks).toString('utf8')
}

type Call = { id: unknown; method: string; params: unknown }

/** The calls of a JSON-RPC body, single or batch; unparsable bodies count as method `?`. */
function parseCalls(body: string): Call[] {
  try {
    const parsed: unknown = JSON.parse(body)
    const list = Array.isArray(parsed) ? parsed : [parsed]
    return list.map((item: unknown) => {
      const call = typeof item === 'object' && item !== null ? item : {}
      const method = 'method' in call && typeof call.method === 'string' ? call.method : '?'
      return {
        id: 'id' in call ? call.id : null,
        method,
        params: 'params' in call ? call.params : undefined,
      }
    })
  } catch {
    return [{ id: null, method: '?', params: undefined }]
  }
}

/** `body` with each call's method and params as `rewrite` returns them, single or batch as it was. */
function rewriteBody(body: string, calls: readonly Call[], rewrite: RpcRewrite): string {
  const rewritten = calls.map(({ id, method, params }) => ({
    jsonrpc: '2.0',
    id,
    ...rewrite({ method, params }),
  }))
  return JSON.stringify(body.trimStart().startsWith('[') ? rewritten : rewritten[0])
}

function send(
  response: ServerResponse,
  status: number,
  body: string,
  contentType = 'application/json',
): void {
  response.writeHead(status, { 'content-type': contentType })
  response.end(body)
}
