/** @type {import('jest').Config} */
module.exports = {
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: { '\\.ts$': '<rootDir>/test/esbuild-transform.cjs' },
  moduleFileExtensions: ['ts', 'js', 'json', 'cjs', 'mjs'],
  testEnvironment: 'node',
  reporters: ['default', '<rootDir>/test/summary-reporter.cjs'],
};
