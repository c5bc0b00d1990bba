// @ts-check
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const root = dirname(fileURLToPath(import.meta.url));

/** Which feature folder a file belongs to: web features and server modules. */
function featureOf(file) {
  const rel = relative(root, file).split(sep).join('/');
  const web = /^apps\/web\/src\/features\/([^/]+)(\/.*)?$/.exec(rel);
  if (web) return { app: 'web', name: web[1], rest: web[2] ?? '' };
  const server = /^apps\/server\/src\/modules\/([^/]+)(\/.*)?$/.exec(rel);
  if (server) return { app: 'server', name: server[1], rest: server[2] ?? '' };
  return null;
}

/** Features do not reach into each other; server modules meet only through a module's index.ts. */
const boundaries = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      web: "Feature '{{from}}' must not import feature '{{to}}'. Move the shared piece to components/ or lib/.",
      server: "Module '{{from}}' may import module '{{to}}' only through its index.ts.",
      shared: 'libs/shared must not import from the apps.',
    },
  },
  create(context) {
    const file = context.filename;
    const from = featureOf(file);
    const inShared = relative(root, file).split(sep).join('/').startsWith('libs/shared/');
    function check(node) {
      const source = node.source && node.source.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = resolve(dirname(file), source);
      const relTarget = relative(root, target).split(sep).join('/');
      if (inShared && relTarget.startsWith('apps/')) {
        context.report({ node, messageId: 'shared' });
        return;
      }
      if (!from) return;
      const to = featureOf(target);
      if (!to || to.app !== from.app || to.name === from.name) return;
      if (from.app === 'web')
        context.report({ node, messageId: 'web', data: { from: from.name, to: to.name } });
      else if (!(to.rest === '' || to.rest === '/index' || to.rest === '/index.ts')) {
        context.report({ node, messageId: 'server', data: { from: from.name, to: to.name } });
      }
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: (node) => check({ ...node, source: node.source }),
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.nx/**',
      '**/coverage/**',
      '.data/**',
      '**/test-results/**',
      '**/playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { craftmatch: { rules: { boundaries } } },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'craftmatch/boundaries': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'no-console': 'off',
    },
  },
  {
    // Decorator metadata needs the real (value) import of injected classes and DTOs.
    files: ['apps/server/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['libs/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@craftmatch/server', '@craftmatch/web', '@craftmatch/e2e', '**/apps/**'],
              message: 'libs/shared imports neither app.',
            },
            {
              group: ['@nestjs/*', 'typeorm', 'react', 'react-dom', 'fastify', 'socket.io'],
              message: 'libs/shared stays framework-free.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
