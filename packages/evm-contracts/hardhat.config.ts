import { createRequire } from 'node:module'
import hardhatViem from '@nomicfoundation/hardhat-viem'
import { defineConfig } from 'hardhat/config'

const require = createRequire(import.meta.url)

/** The emscripten build inside the `solc` npm package: compiling never downloads a compiler. */
const soljson = require.resolve('solc/soljson.js')

/** Hardhat's EDR chain, for tests (in-process) and `hardhat node` (JSON-RPC). */
const localChain = {
  type: 'edr-simulated',
  chainType: 'l1',
  chainId: 31337,
  // Estimate like geth does (the top-level call succeeds), so a relayer can deliver a message
  // whose handler runs out of its own gas limit: that message ends Failed, as it should.
  gasEstimationMode: 'topLevelSuccess',
} as const

export default defineConfig({
  plugins: [hardhatViem],
  solidity: {
    version: '0.8.30',
    path: soljson,
    // OpenZeppelin's concrete crosschain contract, compiled as published for the gateway's tests.
    npmFilesToBuild: ['@openzeppelin/contracts/crosschain/CrosschainRemoteExecutor.sol'],
    settings: {
      evmVersion: 'cancun',
      optimizer: { enabled: true, runs: 10_000 },
    },
  },
  networks: {
    default: localChain,
    // `hardhat node` serves this one (its `--chain-id` flag overrides the id).
    node: localChain,
    // `hardhat node --network nodeOp`: an OP Stack rollup, with the GasPriceOracle and L1Block
    // predeploys, and receipts carrying their L1 data fee (`l1Fee`).
    nodeOp: { ...localChain, chainType: 'op' },
  },
})
