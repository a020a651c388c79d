import { expect, test } from 'vitest'
import { bundleSendTrackApp } from './test/bundleSendTrackApp.js'

// The bundle bench measures; this pins what may load at all: a browser dApp that only uses EVM
// chains must not fetch CosmWasm code (its reader, the bindings' error tables), and no chunk may
// need Node (the `createLazy…` stubs that `import()` the CosmWasm reader are expected). Moving a CosmWasm export back into `@ferry/sdk`, or importing the bindings statically
// from an action, fails here.
test('an EVM app doing send + waitForMessage loads no CosmWasm code at start and no Node module', async () => {
  const { eager, lazy, nodeImports } = await bundleSendTrackApp()
  expect(nodeImports).toEqual([])
  const loadedAtStart = eager.flatMap(({ inputs }) => inputs.map(({ input }) => input))
  expect(loadedAtStart.some((input) => input.includes('dist/actions/send.js'))).toBe(true)
  expect(
    loadedAtStart.filter((input) =>
      /cosmwasm-bindings|chains\/cosmwasm\/(?!createLazy)|internal\/cosmwasm/.test(input),
    ),
  ).toEqual([])
  const loadedLater = lazy.flatMap(({ inputs }) => inputs.map(({ input }) => input))
  expect(loadedLater.some((input) => input.includes('createCosmWasmChainReader'))).toBe(true)
}, 60_000)
