import { createRequire } from 'node:module'
import hardhatViem from '@nomicfoundation/hardhat-viem'
import { defineConfig } from 'hardhat/config'

const require = createRequire(import.meta.url)

/** The emscripten build inside the `solc` npm package: compiling never downloads a compiler. */
const soljson = require.resolve('solc/soljson.js')

export default defineConfig({
  plugins: [hardhatViem],
  solidity: {
    version: '0.8.30',
    path: soljson,
    settings: {
      evmVersion: 'cancun',
      optimizer: { enabled: true, runs: 10_000 },
    },
  },
  networks: {
    // Chain ids of the two local chains used by the demo and the vectors (origin 31337, destination 31338).
    default: { type: 'edr-simulated', chainType: 'l1', chainId: 31337 },
  },
})
