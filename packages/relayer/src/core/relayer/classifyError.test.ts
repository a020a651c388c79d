import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import type { ChainFailure } from '@ferry/sdk'
import { describe, expect, test } from 'vitest'
import { classifyError, errorDetail } from './classifyError.js'

/** An error as an adapter hands it over: named, carrying its `chainFailure` data. */
class AdapterError extends Error {
  readonly chainFailure: ChainFailure
  constructor(chainFailure: ChainFailure) {
    super('adapter says no')
    this.chainFailure = chainFailure
  }
}

/** `error` as a wrapper would hand it on: the adapter's error as the cause of another. */
const wrapped = (error: unknown) => new Error('submitting failed', { cause: error })

describe('classifyError', () => {
  test.each([
    { reason: 'gas_estimate_reverted', retryable: false },
    { reason: 'tx_reverted', retryable: true },
    { reason: 'gas_price_above_cap', retryable: true },
    { reason: 'nonce_conflict', retryable: true },
    { reason: 'rpc_error', retryable: true },
  ] as const)('reads $reason from the error’s chainFailure, also when wrapped', (failure) => {
    expect(classifyError(new AdapterError(failure))).toEqual(failure)
    expect(classifyError(wrapped(new AdapterError(failure)))).toEqual(failure)
  })

  test.each([
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'x')")],
    ['a store failure', new Error('connection terminated')],
    ['a value that is not an error', 'boom'],
    ['an unknown reason', new AdapterError({ reason: 'weird' as 'rpc_error', retryable: true })],
    [
      'chainFailure that is not an object',
      Object.assign(new Error('x'), { chainFailure: 'rpc_error' }),
    ],
  ])('%s is internal_error', (_, error) => {
    expect(classifyError(error)).toEqual({ reason: 'internal_error', retryable: true })
    expect(classifyError(wrapped(error)).reason).toBe('internal_error')
  })

  test('a cause chain that loops ends', () => {
    const a = new Error('a')
    const b = new Error('b', { cause: a })
    a.cause = b
    expect(classifyError(a).reason).toBe('internal_error')
  })
})

describe('errorDetail', () => {
  test('another error’s first line; anything else as text', () => {
    expect(errorDetail(new Error('first\nsecond'))).toBe('first')
    expect(errorDetail(42)).toBe('42')
  })
})

describe('core imports', () => {
  test('src/core imports nothing from the adapters: of src/chains, only types.ts; of @ferry/sdk, only types', async () => {
    const core = join(import.meta.dirname, '..')
    const files = (await readdir(core, { recursive: true })).filter((f) => f.endsWith('.ts'))
    const offending: string[] = []
    for (const file of files) {
      const text = await readFile(join(core, file), 'utf8')
      // The sdk's readers and their error classes stay out of core: it reads their data only.
      for (const [statement] of text.matchAll(
        /^import (?!type )[^\n{]*(?:\{[^}]*\})? from '@ferry\/sdk'/gm,
      ))
        offending.push(`${file} → ${statement.split('\n')[0]}`)
      for (const [, path] of text.matchAll(/from '([^']+)'/g)) {
        if (!path?.startsWith('.')) continue
        const target = relative(join(import.meta.dirname, '../..'), join(core, file, '..', path))
        if (target.startsWith('chains/') && target !== 'chains/types.js')
          offending.push(`${file} → ${path}`)
      }
    }
    expect(files.length).toBeGreaterThan(10)
    expect(offending).toEqual([])
  })
})
