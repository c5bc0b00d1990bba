module.exports = require('../../jest.preset')({
  displayName: 'web',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  setupFilesAfterEnv: ['<rootDir>/src/test/setup.ts'],
  moduleNameMapper: {
    '^@craftmatch/shared$': require('node:path').join(__dirname, '../../libs/shared/src/index.ts'),
    '\\.(css)$': '<rootDir>/src/test/style-mock.cjs',
    '\\.svg$': '<rootDir>/src/test/file-mock.cjs',
  },
  testEnvironmentOptions: { customExportConditions: [''] },
  // Mantine pages render slowly in jsdom on a busy 2-core machine; the tests wait on conditions, not time.
  testTimeout: 30000,
});
