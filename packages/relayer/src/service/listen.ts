import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import type { Hono } from 'hono'

export type Listening = {
  /** `http://host:port`, with the port the OS chose when `port` was 0. */
  url: string
  /** Stops accepting connections and closes idle ones; resolves once closed. */
  close(): Promise<void>
}

/**
 * Serves a Hono app on `host:port` (port 0: any free port) and resolves once it listens.
 *
 * @example
 * const { url, close } = await listen(createValidatorApp(validator), { host: '127.0.0.1', port: 0 })
 */
export function listen(
  app: Hono,
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
        close: () =>
          new Promise<void>((done) => {
            if ('closeIdleConnections' in server) server.closeIdleConnections()
            server.close(() => done())
          }),
      })
    })
  })
}
