import { describe, expect, test } from 'vitest'
import { useStoreBackends, useTestStore } from './test/backends.js'
import { word } from './test/fixtures.js'
import type { SignedCheckpointRow } from './types.js'

const backends = useStoreBackends()

describe.each(backends)('checkpoints and validator leaves on $name', (backend) => {
  const store = useTestStore(backend)
  const validator = word(0x7a1, 'aa')
  const checkpoint = (index: number, root: `0x${string}`): SignedCheckpointRow => ({
    validator,
    origin: 1,
    originEndpoint: word(0xe9),
    index,
    root,
    signature: `0x${'5'.repeat(130)}`,
  })

  test('saveSignedCheckpoint keeps the first root for an index and returns it', async () => {
    const first = checkpoint(4, word(1))
    expect(await store().saveSignedCheckpoint(first)).toEqual(first)
    // Saving it again is harmless.
    expect(await store().saveSignedCheckpoint(first)).toEqual(first)
    // Another root at the same index is refused: the stored one comes back.
    const conflicting = { ...checkpoint(4, word(2)), signature: `0x${'6'.repeat(130)}` as const }
    expect(await store().saveSignedCheckpoint(conflicting)).toEqual(first)
    expect(await store().getSignedCheckpoint(validator, 1, 4)).toEqual(first)
    // Other validators and origins are separate.
    const other = { ...checkpoint(4, word(2)), validator: word(0xb) }
    expect(await store().saveSignedCheckpoint(other)).toEqual(other)
    expect(await store().saveSignedCheckpoint({ ...conflicting, origin: 2 })).toEqual({
      ...conflicting,
      origin: 2,
    })
  })

  test('two signers racing on one index both get the one stored row', async () => {
    const rows = [word(1), word(2), word(3), word(4)].map((root) => checkpoint(9, root))
    const stored = await Promise.all(rows.map((row) => store().saveSignedCheckpoint(row)))
    expect(new Set(stored.map((row) => row.root)).size).toBe(1)
    expect(await store().getSignedCheckpoint(validator, 1, 9)).toEqual(stored[0])
  })

  test('hex is compared lower-case and indexes above 2^31 fit', async () => {
    const upper = checkpoint(2 ** 32 - 1, `0x${'AB'.repeat(32)}`)
    await store().saveSignedCheckpoint({
      ...upper,
      validator: `0x${validator.slice(2).toUpperCase()}`,
    })
    expect(await store().getSignedCheckpoint(validator, 1, 2 ** 32 - 1)).toEqual({
      ...upper,
      root: `0x${'ab'.repeat(32)}`,
    })
  })

  test('latestSignedCheckpoint is the highest index, per validator and origin', async () => {
    expect(await store().latestSignedCheckpoint(validator, 1)).toBeUndefined()
    for (const index of [3, 11, 7])
      await store().saveSignedCheckpoint(checkpoint(index, word(index)))
    await store().saveSignedCheckpoint({ ...checkpoint(50, word(50)), origin: 2 })
    expect((await store().latestSignedCheckpoint(validator, 1))?.index).toBe(11)
    expect(await store().getSignedCheckpoint(validator, 1, 12)).toBeUndefined()
  })

  test('validator leaves are appended once per index and read back in order', async () => {
    await store().saveValidatorLeaves(validator, 1, [
      { index: 1, id: word(11) },
      { index: 0, id: word(10) },
    ])
    await store().saveValidatorLeaves(validator, 1, [
      { index: 1, id: word(99) },
      { index: 2, id: word(12) },
    ])
    await store().saveValidatorLeaves(word(0xb), 1, [{ index: 0, id: word(77) }])
    await store().saveValidatorLeaves(validator, 2, [{ index: 0, id: word(88) }])
    await store().saveValidatorLeaves(validator, 1, [])
    expect(await store().getValidatorLeaves(validator, 1, 0, 10)).toEqual([
      word(10),
      word(11),
      word(12),
    ])
    expect(await store().getValidatorLeaves(validator, 1, 1, 2)).toEqual([word(11)])
  })
})
