/** @type {import('jest').Config} */
module.exports = {
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: { '\\.ts$': '<rootDir>/test/esbuild-transform.cjs' },
  moduleFileExtensions: ['ts', 'js', 'json', 'cjs', 'mjs'],
  testEnvironment: 'node',
  // Two workers even on a two-core machine (jest's default there is one): the engine and browser suites
  // wait on HyperFormula and Chromium in turn, and CI must stay well under 15 minutes.
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/summary-reporter.cjs'],
};
