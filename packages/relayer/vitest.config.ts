import { defineConfig } from 'vitest/config'
import { reporters } from '../../vitest.shared.ts'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: reporters(import.meta.dirname),
  },
})
