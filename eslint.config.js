// Lint as a guard rail: typescript-eslint's recommended rules (syntax only, no type information, so a
// run stays fast) and the few boundary rules that keep the architecture as it is meant to be.
// Formatting (line length included) is Prettier's job: see .prettierrc.json.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Only the access module reads an actor's roles; everyone else asks it (roleOn, requireRole, …). */
const rolesByHand = [
  {
    selector: "MemberExpression[computed=true][object.type='MemberExpression'][object.property.name='roles']",
    message: "Don't read `roles[...]` by hand: ask modules/access.ts (roleOn, hasRoleOn, requireMember, requireRole, …).",
  },
  {
    selector: "MemberExpression[computed=true][object.type='Identifier'][object.name='roles']",
    message: "Don't read `roles[...]` by hand: ask modules/access.ts (roleOn, hasRoleOn, requireMember, requireRole, …).",
  },
  {
    selector:
      "CallExpression[callee.object.name='Object'][callee.property.name=/^(keys|values|entries|hasOwn|getOwnPropertyNames)$/][arguments.0.property.name='roles']",
    message: "Don't list an actor's roles by hand: ask modules/access.ts (memberSites, sitesWithRole).",
  },
  {
    selector: "BinaryExpression[operator='in'][right.property.name='roles']",
    message: "Don't test an actor's roles by hand: ask modules/access.ts (roleOn, hasRoleOn).",
  },
];

const processEnvMessage = 'Configuration is parsed once, in env.ts (zod, fails fast); read it from there.';

export default defineConfig(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/coverage/**', '**/.data/**', '**/.bench/**', '**/screenshots/**', 'packages/db/migrations/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-restricted-syntax': ['error', ...rolesByHand],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: processEnvMessage }],
      'no-restricted-imports': ['error', { paths: [{ name: 'node:process', importNames: ['env'], message: processEnvMessage }] }],
    },
  },
  {
    files: ['apps/widget/src/**', 'apps/backoffice/src/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The backoffice's service worker: plain JS served as is, in a worker's scope (self, caches, clients).
    files: ['apps/backoffice/public/sw.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.serviceworker } },
  },
  {
    // Modules publish through the notifier port; rooms and `io` stay in socket/.
    files: ['apps/server/src/modules/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'node:process', importNames: ['env'], message: processEnvMessage }],
          patterns: [
            {
              regex: '(^|/)socket/',
              message: "Modules don't know the socket layer: publish through the notifier port (modules/notifier.ts), which socket/ implements.",
            },
          ],
        },
      ],
    },
  },
  {
    // The access module itself, and tests, which set up and assert roles directly.
    files: ['apps/server/src/modules/access.ts', '**/*.test.ts', '**/*.test.tsx', '**/test/support/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The places that may read the environment, each for a reason:
    files: [
      // each app's one parser of its configuration;
      '**/src/env.ts',
      // test support: where the test services are (TEST_DATABASE_URL, TEST_REDIS_URL, CHROMIUM_PATH), whether
      // this is CI (a missing service is then an error, not a skip), the PATH/HOME handed to child nodes,
      // and DEBUG_NODES / TEST_LOG_LEVEL for reading a failing run;
      'apps/server/src/test/support/**',
      'apps/e2e/src/support/**',
      // the bench is its own command-line tool with its own options (BENCH_* variables, INIT_CWD) and
      // starts bare child servers that read their port and secret from the environment it gives them.
      'apps/bench/src/**',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
);
