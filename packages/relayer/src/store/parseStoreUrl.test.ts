import { resolve } from 'node:path'
import { describe, expect, test } from 'vitest'
import { StoreUrlError } from './errors.js'
import { parseStoreUrl } from './parseStoreUrl.js'

describe('parseStoreUrl', () => {
  test.each([
    ['memory://', { type: 'memory' }],
    ['postgres://u:p@db:5432/ferry', { type: 'postgres', url: 'postgres://u:p@db:5432/ferry' }],
    ['postgresql://db/ferry', { type: 'postgres', url: 'postgresql://db/ferry' }],
    ['file:./data/relayer', { type: 'file', path: resolve('data/relayer') }],
    ['file:/var/lib/ferry', { type: 'file', path: '/var/lib/ferry' }],
    ['file:///var/lib/ferry', { type: 'file', path: '/var/lib/ferry' }],
    ['./data/relayer', { type: 'file', path: resolve('data/relayer') }],
    ['/var/lib/ferry', { type: 'file', path: '/var/lib/ferry' }],
  ])('%s', (url, location) => {
    expect(parseStoreUrl(url)).toEqual(location)
  })

  test.each(['mysql://db/ferry', 'sqlite:ferry.db', 'memory:', 'file:', '', 'file://host/x'])(
    '%j is refused with StoreUrlError naming the field and the url',
    (url) => {
      expect(() => parseStoreUrl(url, 'store.url')).toThrow(StoreUrlError)
      expect(() => parseStoreUrl(url, 'store.url')).toThrow(`store.url: ${JSON.stringify(url)}`)
    },
  )
})
