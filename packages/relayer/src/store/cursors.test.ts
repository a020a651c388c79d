import { describe, expect, test } from 'vitest'
import { useStoreBackends, useTestStore } from './test/backends.js'

const backends = useStoreBackends()

describe.each(backends)('cursors and seen blocks on $name', (backend) => {
  const store = useTestStore(backend)

  test('a cursor is per (stream, domain) and moves both ways', async () => {
    expect(await store().getCursor('relayer', 1)).toBeUndefined()
    await store().setCursor('relayer', { domain: 1, number: 100n, hash: '0xAa' })
    await store().setCursor('relayer', { domain: 2, number: 7n, hash: '0x07' })
    await store().setCursor('validator:0xabc', { domain: 1, number: 50n, hash: '0x50' })
    expect(await store().getCursor('relayer', 1)).toEqual({ domain: 1, number: 100n, hash: '0xAa' })
    await store().setCursor('relayer', { domain: 1, number: 90n, hash: '0x90' })
    expect(await store().getCursor('relayer', 1)).toEqual({ domain: 1, number: 90n, hash: '0x90' })
    expect(await store().getCursor('relayer', 2)).toEqual({ domain: 2, number: 7n, hash: '0x07' })
    expect(await store().getCursor('validator:0xabc', 1)).toEqual({
      domain: 1,
      number: 50n,
      hash: '0x50',
    })
  })

  test('recordBlocks is idempotent, keeps the last hash, and getBlocks reads highest first', async () => {
    const blocks = [10n, 11n, 12n, 13n].map((number) => ({
      domain: 1,
      number,
      hash: `0x${number}`,
    }))
    await store().recordBlocks('relayer', blocks)
    await store().recordBlocks('relayer', [
      ...blocks,
      { domain: 1, number: 12n, hash: '0xold' },
      { domain: 1, number: 12n, hash: '0xreorged' },
    ])
    await store().recordBlocks('other', [{ domain: 1, number: 12n, hash: '0xother' }])
    await store().recordBlocks('relayer', [{ domain: 2, number: 12n, hash: '0xtwo' }])
    await store().recordBlocks('relayer', [])
    expect(await store().getBlocks('relayer', 1, 12n, 2)).toEqual([
      { domain: 1, number: 12n, hash: '0xreorged' },
      { domain: 1, number: 11n, hash: '0x11' },
    ])
    expect(await store().getBlocks('relayer', 1, 100n, 10)).toHaveLength(4)
  })

  test('pruneBlocks forgets blocks above a reorg and below the kept window', async () => {
    const blocks = [8n, 9n, 10n, 11n, 12n].map((number) => ({
      domain: 1,
      number,
      hash: `0x${number}`,
    }))
    await store().recordBlocks('relayer', blocks)
    await store().recordBlocks('other', blocks)
    await store().pruneBlocks('relayer', 1, 11n, 9n)
    expect((await store().getBlocks('relayer', 1, 100n, 10)).map((block) => block.number)).toEqual([
      11n,
      10n,
      9n,
    ])
    expect(await store().getBlocks('other', 1, 100n, 10)).toHaveLength(5)
  })
})
