// A client of two chains, one of each kind, for type tests (`*.test-d.ts`): they compile calls
// against it and never run them.

import type { CosmWasmReadSource } from '../chains/cosmwasm/source.js'
import { createFerryClient } from '../client/createFerryClient.js'
import { defineFerryChain } from '../client/defineFerryChain.js'

export const typeClient = createFerryClient({
  chains: [
    defineFerryChain({
      kind: 'evm',
      name: 'base',
      domain: 8453,
      endpoint: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      rpcUrls: ['http://127.0.0.1:8545'],
    }),
    defineFerryChain({
      kind: 'cosmwasm',
      name: 'osmosis',
      domain: 7001,
      endpoint: 'osmo1…',
      bech32Prefix: 'osmo',
      // CAST: a type test never reads the chain.
      source: {} as CosmWasmReadSource,
    }),
  ],
  apiUrl: 'https://relayer.example',
})

export const typeId = `0x${'11'.repeat(32)}` as const
