/** Jest runs TypeScript tests through ts-jest; Strapi itself is compiled once in global setup. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }],
  },
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
  setupFiles: ['<rootDir>/tests/helpers/test-env.ts'],
  testTimeout: 180000,
  // Strapi keeps timers and pools that outlive a test file only until destroy() resolves.
  forceExit: false,
};
