import { defineConfig } from 'vitest/config';

// Integration tests run once per database engine: always on PGlite, and on a real
// PostgreSQL when TEST_DATABASE_URL is set (CI sets it).
const dbTests = ['server/**/*.test.ts'];
const pureTests = [
  'core/**/*.test.ts',
  'server/**/*.unit.test.ts',
  'scripts/**/*.test.ts',
  'web/**/*.test.ts',
];

const engines = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export default defineConfig({
  test: {
    reporters: ['default', './scripts/suite-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: pureTests, environment: 'node' } },
      ...engines.map((engine) => ({
        test: {
          name: engine,
          include: dbTests,
          exclude: ['server/**/*.unit.test.ts', '**/node_modules/**'],
          env: { CHISO_TEST_ENGINE: engine },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      })),
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          globalSetup: ['e2e/global-setup.ts'],
          // A page waits on the server; on a loaded CI machine a save or a publication
          // can take seconds, so a poll gives up after 15 s, not the default 1 s.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
