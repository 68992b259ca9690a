import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'backoffice', include: ['src/**/*.test.ts'] } });
