import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'

export type Listening = {
  /** `http://host:port`, with the port the OS chose when `port` was 0. */
  url: string
  /**
   * Stops accepting connections and resolves once every connection is closed: idle ones at once,
   * busy ones when their response ends, and any still open after `graceMs` (default 1 s)
   * forcibly, so that shutdown finishes even with a client whose stream never ends (SSE).
   */
  close(graceMs?: number): Promise<void>
}

/**
 * Serves an app (Hono's `fetch`) on `host:port` (port 0: any free port) and resolves once it
 * listens: the validator's checkpoints and the relayer's API alike.
 *
 * @example
 * const { url, close } = await listen(createValidatorApp(validator), { host: '127.0.0.1', port: 0 })
 */
export function listen(
  app: { fetch: Parameters<typeof createAdaptorServer>[0]['fetch'] },
  { host, port }: { host: string; port: number },
): Promise<Listening> {
  const server = createAdaptorServer({ fetch: app.fetch, hostname: host, port })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      // CAST: a TCP server's address() is an AddressInfo once it listens
      const address = server.address() as AddressInfo
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
        close: (graceMs = 1_000) =>
          new Promise<void>((done) => {
            const force = setTimeout(() => {
              if ('closeAllConnections' in server) server.closeAllConnections()
            }, graceMs)
            server.close(() => {
              clearTimeout(force)
              done()
            })
            if ('closeIdleConnections' in server) server.closeIdleConnections()
          }),
      })
    })
  })
}
