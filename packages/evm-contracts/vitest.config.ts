import { defineConfig } from 'vitest/config'
import { reporters } from '../../vitest.shared.ts'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each test file gets its own in-process EDR chain; files run one at a time on our 2 cores.
    fileParallelism: false,
    testTimeout: 120_000,
    reporters: reporters(import.meta.dirname),
  },
})
