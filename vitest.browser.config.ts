import { defineConfig } from 'vitest/config';

// Browser tests: playwright-core drives Debian's Chromium against the built app (dist/),
// served by a vite preview server started in the global setup.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/browser/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    reporters: ['default', ['json', { outputFile: 'test-results/browser.json' }]],
  },
});
