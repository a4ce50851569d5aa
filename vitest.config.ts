/**
 * Test tiers by file suffix: unit (`*.test.ts`, pure logic), integration (`*.int.test.ts`,
 * services on a real database) and API contract (`*.api.test.ts`, the Hono app over HTTP
 * semantics). Browser journeys are Playwright's (tests/e2e).
 */
import { defineConfig } from 'vitest/config';

const common = {
  environment: 'node' as const,
  setupFiles: ['./tests/support/setup.ts'],
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...common,
          name: 'unit',
          // A guard against hangs, not a speed goal: property tests over thousands of random
          // inputs take a few seconds on a loaded two-core machine (speed goals live in bench/).
          testTimeout: 20_000,
          include: ['app/**/*.test.ts', 'server/**/*.test.ts', 'cli/**/*.test.ts', 'tests/unit/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/*.api.test.ts', 'node_modules/**'],
        },
      },
      {
        test: {
          ...common,
          name: 'int',
          include: ['**/*.int.test.ts'],
          exclude: ['node_modules/**'],
          globalSetup: ['./tests/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          ...common,
          name: 'api',
          include: ['**/*.api.test.ts'],
          exclude: ['node_modules/**'],
          globalSetup: ['./tests/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
