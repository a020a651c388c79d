import { expect, test } from 'vitest'
import { getRoutes } from './getRoutes.js'

const chains = [{ name: 'a' }, { name: 'b' }, { name: 'c' }]

test('"all": every pair of distinct chains whose origin has validators', () => {
  expect(
    getRoutes({
      chains,
      validators: [{ origin: 'a' }, { origin: 'c' }],
      relayer: { routes: 'all' },
    }),
  ).toEqual([
    { from: 'a', to: 'b' },
    { from: 'a', to: 'c' },
    { from: 'c', to: 'a' },
    { from: 'c', to: 'b' },
  ])
})

test('explicit routes as written', () => {
  expect(
    getRoutes({ chains, validators: [], relayer: { routes: [{ from: 'b', to: 'a' }] } }),
  ).toEqual([{ from: 'b', to: 'a' }])
})

test('no relayer section: no routes', () => {
  expect(getRoutes({ chains, validators: [{ origin: 'a' }] })).toEqual([])
})
