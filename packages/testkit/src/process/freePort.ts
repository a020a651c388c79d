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
 * Where ports are picked: below the operating systems' ephemeral ranges (Linux from 32768,
 * Windows and macOS from 49152), where the kernel puts the client side of every outgoing
 * connection. A port handed out from the ephemeral range can be taken by one of the test's own
 * HTTP connections before the node binds it (seen as EADDRINUSE in CI); one from here cannot.
 */
const FIRST_PORT = 20_000
const PORTS = 12_000
/** Random picks tried before giving up. */
const ATTEMPTS = 50

/**
 * A TCP port on 127.0.0.1 that was free a moment ago, for a local node started next (the node
 * binds it itself): a random one below the ephemeral range, which no outgoing connection takes;
 * another process picking the same one in the meantime is possible but rare.
 *
 * @example
 * const port = await freePort()
 * spawn('hardhat', ['node', '--port', String(port)])
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const port = FIRST_PORT + Math.floor(Math.random() * PORTS)
    if (await canListen(port)) return port
  }
  throw new NoFreePortError()
}

async function canListen(port: number): Promise<boolean> {
  const server = createServer()
  server.listen(port, '127.0.0.1')
  try {
    await Promise.race([
      once(server, 'listening'),
      once(server, 'error').then(([error]) => Promise.reject(error)),
    ])
  } catch {
    return false
  }
  server.close()
  await once(server, 'close')
  return true
}
