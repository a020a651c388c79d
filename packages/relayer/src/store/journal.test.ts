import { describe, expect, test } from 'vitest'
import type { JournalEntry } from '../chains/types.js'
import { JournalEntryNotFoundError } from './errors.js'
import { useStoreBackends, useTestStore } from './test/backends.js'
import { word } from './test/fixtures.js'

const backends = useStoreBackends()

describe.each(backends)('transaction journal on $name', (backend) => {
  const store = useTestStore(backend)
  const sender = '0xAbCdEf0000000000000000000000000000000001'
  const entry = (
    nonce: bigint,
    hash: string,
    overrides: Partial<JournalEntry> = {},
  ): JournalEntry => ({
    domain: 1,
    sender,
    nonce,
    transactionHash: hash,
    raw: '0x02F8AB',
    call: 'deliverBatch',
    messageIds: [word(1), word(2)],
    maxFeePerGas: 2n ** 100n,
    maxPriorityFeePerGas: 10n ** 9n,
    ...overrides,
  })

  test('signed entries come back unfinished, by nonce, until they finish', async () => {
    expect(await store().highestNonce(1, sender)).toBeUndefined()
    expect(await store().unfinished(1, sender)).toEqual([])
    await store().recordSigned(entry(5n, '0xh5'))
    await store().recordSigned(entry(4n, '0xh4', { call: 'retry', messageIds: [word(3)] }))
    // A fee bump: same nonce, new hash.
    await store().recordSigned(entry(5n, '0xh5b', { maxFeePerGas: 2n ** 101n }))
    await store().recordSigned(entry(5n, '0xh5'))
    await store().recordSigned(entry(9n, '0xother', { domain: 2 }))

    const pending = await store().unfinished(1, sender.toLowerCase())
    expect(pending.map((e) => e.transactionHash)).toEqual(['0xh4', '0xh5', '0xh5b'])
    expect(pending[0]).toEqual({
      ...entry(4n, '0xh4', { call: 'retry', messageIds: [word(3)] }),
      sender: sender.toLowerCase(),
      raw: '0x02f8ab',
    })
    expect(await store().highestNonce(1, sender)).toBe(5n)
    expect(await store().highestNonce(2, sender)).toBe(9n)

    await store().recordFinished('0xh5b', 'mined')
    await store().recordFinished('0xh5', 'replaced')
    await store().recordFinished('0xh4', 'mined')
    expect(await store().unfinished(1, sender)).toEqual([])
    expect(await store().highestNonce(1, sender)).toBe(5n)
  })

  test('dropped transactions do not count towards the highest nonce', async () => {
    await store().recordSigned(entry(3n, '0xh3'))
    await store().recordSigned(entry(4n, '0xh4'))
    await store().recordFinished('0xh4', 'dropped')
    expect(await store().highestNonce(1, sender)).toBe(3n)
    await store().recordFinished('0xh3', 'dropped')
    expect(await store().highestNonce(1, sender)).toBeUndefined()
  })

  test('recordFinished of a hash never signed throws', async () => {
    await expect(store().recordFinished('0xnope', 'mined')).rejects.toThrow(
      JournalEntryNotFoundError,
    )
  })
})
