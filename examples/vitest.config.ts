import { defineConfig } from 'vitest/config'
import { reporters } from '../vitest.shared.ts'

export default defineConfig({
  test: {
    include: ['*.test.ts'],
    // One devnet (three hardhat nodes, nine validators, a relayer) on our 2 cores: one file at a time.
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    reporters: reporters(import.meta.dirname),
  },
})
