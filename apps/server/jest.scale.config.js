// Tests that need Redis (several instances behaving as one). Run with REDIS_URL set.
module.exports = require('../../jest.preset')({
  testMatch: ['<rootDir>/src/**/*.scale-spec.ts', '<rootDir>/test/**/*.scale-spec.ts'],
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  testTimeout: 30000,
  maxWorkers: 1,
});
