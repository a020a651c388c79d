import { describe, expect, test } from 'vitest'
import { createEventBus } from './createEventBus.js'
import { TooManyListenersError } from './errors.js'
import type { NewLifecycleEvent } from './types.js'

const event = (messageId: `0x${string}`, channel: `0x${string}`): NewLifecycleEvent => ({
  type: 'indexed',
  messageId,
  channel,
  origin: 1,
  destination: 2,
  nonce: '1',
  stage: 'pending',
  reason: 'indexed',
  at: '2026-01-01T00:00:00.000Z',
  sentAt: '2026-01-01T00:00:00.000Z',
})

describe('createEventBus', () => {
  test('numbers events and filters by message or channel (any case)', () => {
    const bus = createEventBus()
    const all: number[] = []
    const byMessage: number[] = []
    const byChannel: number[] = []
    bus.subscribe((e) => all.push(e.seq))
    bus.subscribe((e) => byMessage.push(e.seq), { messageId: '0xAA' })
    bus.subscribe((e) => byChannel.push(e.seq), { channel: '0xcc' })
    bus.publish(event('0xaa', '0xcc'))
    bus.publish(event('0xbb', '0xcc'))
    bus.publish(event('0xbb', '0xdd'))
    expect(all).toEqual([1, 2, 3])
    expect(byMessage).toEqual([1])
    expect(byChannel).toEqual([1, 2])
  })

  test('a throwing listener neither breaks the publisher nor the others', () => {
    const bus = createEventBus()
    const seen: number[] = []
    bus.subscribe(() => {
      throw new Error('boom')
    })
    bus.subscribe((e) => seen.push(e.seq))
    expect(() => bus.publish(event('0xaa', '0xcc'))).not.toThrow()
    expect(seen).toEqual([1])
  })

  test('bounds listeners and history; unsubscribing frees a slot, once', () => {
    const bus = createEventBus({ maxListeners: 2, history: 3 })
    const first = bus.subscribe(() => {})
    bus.subscribe(() => {})
    expect(() => bus.subscribe(() => {})).toThrow(TooManyListenersError)
    first()
    first()
    expect(bus.listenerCount).toBe(1)
    for (let i = 0; i < 5; i++) bus.publish(event('0xaa', '0xcc'))
    const replayed: number[] = []
    bus.subscribe((e) => replayed.push(e.seq), { since: 0 })
    // Only the last three were kept.
    expect(replayed).toEqual([3, 4, 5])
  })
})
