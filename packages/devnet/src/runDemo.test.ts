import { MessageStatus } from '@ferry/protocol'
import { expect, it } from 'vitest'
import { runDemo } from './runDemo.js'

// The quick start's first command runs this demo: two `hardhat node` processes over JSON-RPC.
it('the quick-start demo delivers a ping, its pong and its ack with real proofs', async () => {
  const lines: string[] = []
  const result = await runDemo((line) => lines.push(line))

  expect(result.ping.status).toBe(MessageStatus.Executed)
  expect(result.pong.status).toBe(MessageStatus.Executed)
  expect(result.ack.status).toBe(MessageStatus.Executed)
  expect(result.ack.originalStatus).toBe(MessageStatus.Executed)
  expect(result.pongsReceived).toBe(1n)
  expect(lines.some((line) => line.includes('checkpoint #0 signed by 2/3'))).toBe(true)
})
