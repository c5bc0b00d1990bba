module.exports = require('../../jest.preset')({ testMatch: ['<rootDir>/src/**/*.spec.ts'] });
