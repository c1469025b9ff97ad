import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'cdk.out/**', 'forms/dist/**', '.data/**'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Browser steps wait on real pages and stand-ins: give polled expectations time.
    expect: { poll: { timeout: 30_000, interval: 100 } },
  },
});
