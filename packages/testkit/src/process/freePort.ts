import { once } from 'node:events'
import { createServer } from 'node:net'
import { BaseError } from '@ferry/protocol'

/** The operating system gave no port on 127.0.0.1 to listen on. */
export class NoFreePortError extends BaseError {
  override name = 'NoFreePortError' as const
  constructor() {
    super('No free port on 127.0.0.1.', { retryable: true })
  }
}

/**
 * A TCP port on 127.0.0.1 that was free a moment ago, for a local node started next (the node
 * binds it itself; a race with another process is possible but rare).
 *
 * @example
 * const port = await freePort()
 * spawn('hardhat', ['node', '--port', String(port)])
 */
export async function freePort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  server.close()
  if (address === null || typeof address === 'string') throw new NoFreePortError()
  return address.port
}
