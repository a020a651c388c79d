import type { Hex } from 'viem'
import type { NewMessage } from '../types.js'

/** A 32-byte hex word ending in `n`, e.g. `word(1)` = `0x00…01`. */
export function word(n: number | bigint, prefix = ''): Hex {
  return `0x${prefix}${n.toString(16).padStart(64 - prefix.length, '0')}`
}

/** A channel key for tests: distinct per `n`, not a real `getChannelKey`. */
export function channel(n: number): Hex {
  return word(n, 'c')
}

export type MessageFixture = Partial<NewMessage> & { nonce: bigint; leafIndex: number }

/**
 * A new message from 1 to 2 on channel 1 unless overridden; its id derives from the origin and
 * leaf index, so leaves stay distinct without naming ids.
 */
export function newMessage(fixture: MessageFixture): NewMessage {
  const origin = fixture.origin ?? 1
  return {
    id: word(fixture.leafIndex, `e${origin.toString(16).padStart(8, '0')}`),
    origin,
    destination: 2,
    channel: channel(1),
    sender: word(0xa11ce),
    recipient: word(0xb0b),
    flags: 0,
    deadline: 0n,
    gasLimit: 100_000,
    ackGasLimit: 0,
    encoded: '0x01',
    feePaid: 10n ** 15n,
    originBlockNumber: 10n,
    originBlockHash: word(10, 'b'),
    originTransactionHash: word(10, 'f'),
    sentAt: new Date('2026-01-01T00:00:00Z'),
    ...fixture,
  }
}
