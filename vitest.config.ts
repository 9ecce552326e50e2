import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Node resolves `graphql` to its CommonJS build (graphql 16 has no "exports"), and so do the libraries
  // (Apollo, graphql-tools, graphql-jit); vite would give the sources the ES module, a second graphql whose
  // execute refuses the schema built by the first. Tests load the one Node loads in production.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    globalSetup: ['./test/global-setup.ts'],
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // two cores: files run two at a time against the one shared embedded PostgreSQL
    maxWorkers: 2,
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: 'test-results/results.json' }]]
      : ['default'],
  },
});
