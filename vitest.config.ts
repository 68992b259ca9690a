import { defineConfig } from 'vitest/config';

// Every workspace with a vitest.config.ts is a project; `pnpm test` runs them all.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'docs'],
  },
});
