// Shared jest settings: swc (NestJS 12 is ESM-only; ts-jest chokes on import.meta), CommonJS output.
const path = require('node:path');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = (overrides = {}) => ({
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  transformIgnorePatterns: [
    '^(?!.*/node_modules/(@nestjs|@fastify/cookie|cookie|content-disposition|file-type|uid|@tokenizer|strtok3|token-types|uint8array-extras)/).*/node_modules/',
  ],
  moduleNameMapper: {
    '^@craftmatch/shared$': path.join(__dirname, 'libs/shared/src/index.ts'),
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  ...overrides,
});
