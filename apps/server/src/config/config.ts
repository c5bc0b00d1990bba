import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/** Repository root: apps/server/{src,dist}/config → ../../../.. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must start with postgres:// or postgresql://');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().min(1).optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  DEMO_DATA: bool.optional(),
  JWT_SECRET: z.string().optional(),
  ACCESS_TOKEN_TTL: z.coerce.number().int().min(30).max(86400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  PUBLIC_URL: z.url().optional(),
  CORS_ORIGIN: z.string().optional(),
  REDIS_URL: z
    .string()
    .refine((v) => /^rediss?:\/\//.test(v), 'must start with redis:// or rediss://')
    .optional(),
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\//.test(v), 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('CraftMatch <no-reply@craftmatch.example>'),
  BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(1024 * 1024),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().optional(),
  JOBS: bool.default(true),
  RATE_LIMIT_LOGIN_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  RATE_LIMIT_LOGIN_PER_IP: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_REGISTER_PER_IP: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_REFRESH_PER_IP: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_RESET_PER_IP: z.coerce.number().int().min(1).default(5),
  FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(5 * 1024 * 1024),
  FILES_DIR: z.string().min(1).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(2).max(200).default(20),
  DATABASE_POOL_MIN: z.coerce.number().int().min(0).max(200).optional(),
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  production: boolean;
  port: number;
  host: string;
  /** Set when a PostgreSQL server was named; otherwise an embedded one is started. */
  databaseUrl?: string;
  embedded: { dataDir: string; port: number };
  demoData: boolean;
  jwtSecret: string;
  accessTokenTtl: number;
  refreshTokenTtlDays: number;
  publicUrl: string;
  corsOrigin: string | string[];
  redisUrl?: string;
  smtpUrl?: string;
  mailFrom: string;
  bodyLimit: number;
  logLevel: string;
  webDist: string;
  jobs: boolean;
  rateLimits: {
    loginPerAccount: number;
    loginPerIp: number;
    registerPerIp: number;
    refreshPerIp: number;
    resetPerIp: number;
  };
  /** largest accepted upload, per file */
  fileMaxBytes: number;
  /** shared folder for uploaded files; unset = stored in PostgreSQL */
  filesDir?: string;
  /** PostgreSQL connections this instance's pool may open (the job queue and the listener have their own) */
  databasePoolMax: number;
  /** Connections opened at start and kept open (DATABASE_POOL_MIN, default: all of them). */
  databasePoolMin: number;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const WEAK_SECRETS = ['secret', 'changeme', 'change-me', 'jwt_secret', 'password', 'craftmatch'];

/** A secret fit for production: long, varied, and not a placeholder. */
export function isStrongSecret(secret: string | undefined): boolean {
  if (!secret || secret.length < 32) return false;
  if (new Set(secret).size < 10) return false;
  const lower = secret.toLowerCase();
  return !WEAK_SECRETS.some((w) => lower.includes(w));
}

/** Reads and validates the environment. Throws ConfigError naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      return `  ${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const dataDir = resolve(e.DATA_DIR ?? join(REPO_ROOT, '.data'));

  if (production && !e.DATABASE_URL) {
    throw new ConfigError('Invalid configuration:\n  DATABASE_URL: required when NODE_ENV=production');
  }
  let jwtSecret = e.JWT_SECRET;
  if (production && !isStrongSecret(jwtSecret)) {
    throw new ConfigError(
      'Invalid configuration:\n  JWT_SECRET: must be set to a random secret of at least 32 characters when NODE_ENV=production',
    );
  }
  if (!jwtSecret) jwtSecret = developmentSecret(dataDir, !!e.DATABASE_URL);

  // Demo accounts only in the default embedded mode, or when asked for explicitly; never in production.
  const demoData = production ? false : (e.DEMO_DATA ?? !e.DATABASE_URL);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const corsOrigin = e.CORS_ORIGIN
    ? e.CORS_ORIGIN.split(',').map((s) => s.trim())
    : new URL(publicUrl).origin;

  return {
    env: e.NODE_ENV,
    production,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    embedded: { dataDir, port: e.EMBEDDED_PG_PORT },
    demoData,
    jwtSecret,
    accessTokenTtl: e.ACCESS_TOKEN_TTL,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    publicUrl,
    corsOrigin,
    redisUrl: e.REDIS_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    bodyLimit: e.BODY_LIMIT,
    logLevel: e.LOG_LEVEL,
    webDist: resolve(e.WEB_DIST ?? join(REPO_ROOT, 'apps', 'web', 'dist')),
    jobs: e.JOBS,
    rateLimits: {
      loginPerAccount: e.RATE_LIMIT_LOGIN_PER_ACCOUNT,
      loginPerIp: e.RATE_LIMIT_LOGIN_PER_IP,
      registerPerIp: e.RATE_LIMIT_REGISTER_PER_IP,
      refreshPerIp: e.RATE_LIMIT_REFRESH_PER_IP,
      resetPerIp: e.RATE_LIMIT_RESET_PER_IP,
    },
    fileMaxBytes: e.FILE_MAX_BYTES,
    filesDir: e.FILES_DIR ? resolve(e.FILES_DIR) : undefined,
    databasePoolMax: e.DATABASE_POOL_MAX,
    databasePoolMin: Math.min(e.DATABASE_POOL_MIN ?? e.DATABASE_POOL_MAX, e.DATABASE_POOL_MAX),
  };
}

/**
 * Outside production a missing JWT_SECRET is generated once and kept beside the embedded
 * database, so sessions survive a restart. With an external database it stays in memory.
 */
function developmentSecret(dataDir: string, external: boolean): string {
  if (external) return randomBytes(48).toString('base64url');
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
