import { defineConfig } from 'vitest/config'
import { reporters } from '../../vitest.shared.ts'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The browser tests each start a devnet (three chains, validators, a relayer): one file at a time.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: reporters(import.meta.dirname),
  },
})
