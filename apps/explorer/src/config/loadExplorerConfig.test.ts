import { describe, expect, test } from 'vitest'
import { InvalidExplorerConfigError, toExplorerConfig } from './loadExplorerConfig.ts'

describe('toExplorerConfig', () => {
  test('keeps the API URL (without a trailing slash) and the chains', () => {
    expect(toExplorerConfig({ apiUrl: 'http://127.0.0.1:8080/', chains: { a: 1 } })).toEqual({
      apiUrl: 'http://127.0.0.1:8080',
      chains: { a: 1 },
    })
  })
  test.each([
    [null, '(root)'],
    [[], '(root)'],
    [{}, 'apiUrl'],
    [{ apiUrl: 5 }, 'apiUrl'],
    [{ apiUrl: 'not a url' }, 'apiUrl'],
    [{ apiUrl: 'javascript:alert(1)' }, 'apiUrl'],
  ])('%j is refused, naming %s', (value, field) => {
    expect(() => toExplorerConfig(value)).toThrow(InvalidExplorerConfigError)
    try {
      toExplorerConfig(value)
    } catch (error) {
      expect((error as InvalidExplorerConfigError).field).toBe(field)
    }
  })
})
