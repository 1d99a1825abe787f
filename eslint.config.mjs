// ESLint (flat config): typescript-eslint's recommended rules over the TypeScript sources, with the
// formatting rules left to Prettier (`npm run lint` runs both, `npm run format` rewrites).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', 'src/ss12000/openapi.gen.ts', 'test/support/operations.gen.ts', 'web/*/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      // Unused names are the compiler's job (noUnusedLocals/noUnusedParameters), with `_` for deliberate ones.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // type-graphql's decorators need classes whose shape is declared by the decorator, and
      // declaration merging with namespaces is how some of the spec's types are written.
      '@typescript-eslint/no-namespace': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'error',
    },
  },
  {
    // Tests read JSON answers whose shape the assertions check.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // These load modules after choosing the engine or the clock (imports would be hoisted above that).
    files: ['test/hive/**', 'test/state/memory-sweep.test.ts', 'test/graph/absence-summary/snapshot-sweep.test.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
        fetch: 'readonly',
        AbortSignal: 'readonly',
        URL: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['bench/**', 'src/demo/producers/cli.ts', '**/*.config.*', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
);
