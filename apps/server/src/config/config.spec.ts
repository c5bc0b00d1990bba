import { ConfigError, isStrongSecret, loadConfig } from './config';

const PROD = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db.internal/craftmatch' };
const STRONG = 'b3f1c9e27a4d8056f1e2d3c4b5a69788aa11bb22cc33';

describe('loadConfig', () => {
  it('refuses production without a JWT_SECRET, naming the variable', () => {
    expect(() => loadConfig(PROD)).toThrow(ConfigError);
    expect(() => loadConfig(PROD)).toThrow(/JWT_SECRET/);
  });

  it.each([['changeme'], ['short-secret'], ['secretsecretsecretsecretsecretsecret'], ['a'.repeat(64)]])(
    'refuses the weak production secret %s',
    (secret) => {
      expect(() => loadConfig({ ...PROD, JWT_SECRET: secret })).toThrow(/JWT_SECRET/);
    },
  );

  it('refuses production without DATABASE_URL', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: STRONG })).toThrow(/DATABASE_URL/);
  });

  it('keeps the whole database pool open by default, and never more than its size', () => {
    const base = { DATABASE_URL: 'postgres://x/y', JWT_SECRET: STRONG };
    expect(loadConfig(base)).toMatchObject({ databasePoolMax: 20, databasePoolMin: 20 });
    expect(loadConfig({ ...base, DATABASE_POOL_MAX: '8' })).toMatchObject({ databasePoolMin: 8 });
    expect(loadConfig({ ...base, DATABASE_POOL_MIN: '0' })).toMatchObject({ databasePoolMin: 0 });
    expect(loadConfig({ ...base, DATABASE_POOL_MAX: '5', DATABASE_POOL_MIN: '9' })).toMatchObject({
      databasePoolMax: 5,
      databasePoolMin: 5,
    });
    expect(() => loadConfig({ ...base, DATABASE_POOL_MIN: '-1' })).toThrow(/DATABASE_POOL_MIN/);
  });

  it('never turns demo data on in production, even when asked', () => {
    const config = loadConfig({ ...PROD, JWT_SECRET: STRONG, DEMO_DATA: 'true' });
    expect(config.demoData).toBe(false);
    expect(config.production).toBe(true);
  });

  it('loads demo data by default only in embedded mode', () => {
    expect(loadConfig({ NODE_ENV: 'test', DATA_DIR: '/tmp/cm-config-spec' }).demoData).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://x/y', JWT_SECRET: STRONG }).demoData).toBe(false);
    expect(
      loadConfig({ DATABASE_URL: 'postgres://x/y', JWT_SECRET: STRONG, DEMO_DATA: 'true' }).demoData,
    ).toBe(true);
  });

  it.each([
    ['PORT', 'abc'],
    ['DATABASE_URL', 'mysql://x'],
    ['REDIS_URL', 'http://localhost'],
    ['LOG_LEVEL', 'loud'],
  ])('names the bad variable %s', (name, value) => {
    expect(() => loadConfig({ JWT_SECRET: STRONG, DATABASE_URL: 'postgres://x/y', [name]: value })).toThrow(
      new RegExp(`${name}=`),
    );
  });

  it('judges secrets by length and variety', () => {
    expect(isStrongSecret(STRONG)).toBe(true);
    expect(isStrongSecret(undefined)).toBe(false);
    expect(isStrongSecret('x'.repeat(40))).toBe(false);
  });
});
