import { defineConfig } from 'vitest/config'
import { reporters } from '../../vitest.shared.ts'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Builds build/*.wasm when the contracts' sources changed, once before every test file.
    globalSetup: ['test/buildContracts.ts'],
    testTimeout: 120_000,
    reporters: reporters(import.meta.dirname),
  },
})
