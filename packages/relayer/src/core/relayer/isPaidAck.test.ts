import { MessageFlags } from '@ferry/protocol'
import { describe, expect, test } from 'vitest'
import { isPaidAck } from './isPaidAck.js'

const app = (n: number) => `0x${n.toString(16).padStart(64, '0')}` as const
// A message from app 1 on domain 1 to app 2 on domain 2 that asked for an ack of 50,000 gas.
const original = {
  origin: 1,
  destination: 2,
  sender: app(1),
  recipient: app(2),
  flags: MessageFlags.ackRequested,
  gasLimit: 100_000,
  ackGasLimit: 50_000,
  stage: 'done' as const,
}
// Its ack, from app 2 on domain 2 back to app 1 on domain 1.
const ack = {
  origin: 2,
  destination: 1,
  sender: app(2),
  recipient: app(1),
  flags: MessageFlags.isAck,
  gasLimit: 50_000,
  ackGasLimit: 0,
  stage: 'ready' as const,
}

describe('isPaidAck', () => {
  test('an ack of a message indexed as sent on its destination goes free', () => {
    expect(isPaidAck(ack, original)).toBe(true)
  })

  test('an ack whose original this relayer never indexed pays its way', () => {
    expect(isPaidAck(ack, undefined)).toBe(false)
  })

  test.each([
    ['the original was orphaned', { stage: 'orphaned' as const }],
    ['the original asked for no ack', { flags: 0, ackGasLimit: 0 }],
    ['the original was sent elsewhere', { origin: 3 }],
    ['the original went elsewhere', { destination: 3 }],
    ['another app sent the original', { sender: app(9) }],
    ['the original went to another app', { recipient: app(9) }],
    ['the ack asks more gas than was paid for', { ackGasLimit: 49_999 }],
  ])('not when %s', (_name, change) => {
    expect(isPaidAck(ack, { ...original, ...change })).toBe(false)
  })
})
