/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Type errors are caught once by `npm run typecheck`; ts-jest only transpiles (with decorator metadata).
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json', diagnostics: false }],
    // jose 6 ships ESM only and Jest on Node 20 cannot require(esm): transpile it to CommonJS.
    '^.+/node_modules/jose/.+\\.js$': ['ts-jest', { diagnostics: false, tsconfig: { allowJs: true, isolatedModules: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  // quiet-logs: no log lines during tests unless LOG_LEVEL is set (LOG_LEVEL=info npx jest …).
  setupFiles: ['reflect-metadata', '<rootDir>/test/support/quiet-logs.ts'],
  // The pages the gateway serves (dist/web), built once before the tests when stale.
  globalSetup: '<rootDir>/test/support/build-web.js',
  testTimeout: 60_000,
  maxWorkers: 2,
};
