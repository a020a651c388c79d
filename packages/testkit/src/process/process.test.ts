import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createServer } from 'node:net'
import { describe, expect, test } from 'vitest'
import { freePort } from './freePort.js'
import { stopChild } from './stopChild.js'

describe('freePort', () => {
  test('a port on 127.0.0.1 that can be listened on', async () => {
    const port = await freePort()
    // Below the ephemeral range, where outgoing connections take their ports.
    expect(port).toBeGreaterThanOrEqual(20_000)
    expect(port).toBeLessThan(32_768)
    const server = createServer().listen(port, '127.0.0.1')
    await once(server, 'listening')
    server.close()
  })

  test('never a port something already listens on', async () => {
    const taken = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const server = createServer().listen(await freePort(), '127.0.0.1')
        await once(server, 'listening')
        return server
      }),
    )
    const ports = new Set(taken.map((server) => (server.address() as { port: number }).port)) // CAST: a TCP server's address
    expect(ports.size).toBe(taken.length)
    for (const server of taken) server.close()
  })
})

describe('stopChild', () => {
  const node = (script: string) => spawn(process.execPath, ['-e', script], { stdio: 'ignore' })

  test('stops a child with SIGTERM and waits for its exit', async () => {
    const child = node('setInterval(() => {}, 1000)')
    await once(child, 'spawn')
    await stopChild(child)
    expect(child.signalCode).toBe('SIGTERM')
  })

  test('kills a child that ignores the signal once the grace is up', async () => {
    const child = node("process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)")
    await new Promise((resolve) => setTimeout(resolve, 300)) // its handler is installed
    await stopChild(child, { killAfterMs: 200 })
    expect(child.signalCode).toBe('SIGKILL')
  })

  test('resolves at once for a child that already exited', async () => {
    const child = node('')
    await once(child, 'exit')
    await stopChild(child)
    expect(child.exitCode).toBe(0)
  })
})
