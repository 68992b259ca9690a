import { defineProject } from 'vitest/config';

// The documentation's own checks (links), part of `pnpm test`.
export default defineProject({
  test: { name: 'docs', include: ['*.test.ts'] },
});
