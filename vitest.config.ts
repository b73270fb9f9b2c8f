import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // fast-check: a time limit on every property and FLASHPOINTS_FC_SEED to replay one (docs/testing.md).
    setupFiles: ['test/setup/fastCheck.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
