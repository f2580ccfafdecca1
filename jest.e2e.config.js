/** Browser tests: they drive the built admin panel (`npm run build` first) in Debian's Chromium. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }],
  },
  setupFiles: ['<rootDir>/tests/helpers/test-env.ts'],
  testTimeout: 300000,
};
