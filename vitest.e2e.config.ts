import { defineConfig } from 'vitest/config';

/** `npm run test:e2e`: the built site in a real browser (Debian's chromium). */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
