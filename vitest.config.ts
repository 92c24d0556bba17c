import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI is also run as a real subprocess; give the slowest machine some room.
    testTimeout: 30_000,
  },
});
